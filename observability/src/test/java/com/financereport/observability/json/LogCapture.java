package com.financereport.observability.json;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.ObservabilitySettings;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A private LoggerContext whose only appender writes encoded lines into memory. */
public final class LogCapture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private LogCapture(Encoder<ILoggingEvent> encoder) {
    // Share the process MDC so tests can use org.slf4j.MDC as applications do.
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    encoder.setContext(context);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(bytes);
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
  }

  /** JSON lines for a runtime built from {@code env}. */
  public static LogCapture json(Map<String, String> env) {
    return json(ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(env)));
  }

  public static LogCapture json(ObservabilityRuntime runtime) {
    return new LogCapture(new JsonLineEncoder(runtime));
  }

  public static LogCapture with(Encoder<ILoggingEvent> encoder) {
    return new LogCapture(encoder);
  }

  /** The capture's own context, for a test that adds another output beside the line. */
  public LoggerContext context() {
    return context;
  }

  public org.slf4j.Logger logger(String name) {
    return context.getLogger(name);
  }

  public String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The raw lines, split on '\n' only. */
  public List<String> lines() {
    String text = text();
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** Every line parsed as JSON; fails the test if any line is not exactly one JSON object. */
  public List<JsonNode> events() {
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines()) {
      try {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) {
          throw new AssertionError("not a JSON object: " + line);
        }
        events.add(node);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException("not valid JSON: " + line, e);
      }
    }
    return events;
  }

  /** The only event logged so far. */
  public JsonNode single() {
    List<JsonNode> events = events();
    if (events.size() != 1) {
      throw new AssertionError("expected exactly one line, got " + events.size() + ":\n" + text());
    }
    return events.get(0);
  }
}
