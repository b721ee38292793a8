package com.financereport.observability.console;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.internal.json.JsonWriter;
import com.financereport.observability.internal.json.LineFields;
import com.financereport.observability.internal.json.EventView;
import com.financereport.observability.internal.json.StructuredValueWriter;
import com.financereport.observability.redaction.Redactor;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The human format for DEBUG=true: {@code 19:30:00.123 INFO  [main] a.b.Logger - message key=value},
 * coloured when writing to a terminal. Redacted exactly like the JSON line; values render as JSON
 * so types stay visible.
 */
public class ConsoleLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final String RESET = "\u001b[0m";
  private static final String DIM = "\u001b[2m";

  private ObservabilityRuntime runtime;
  private Redactor redactor;
  private int maxValueBytes;
  private boolean color;
  private final ThreadLocal<StructuredValueWriter> values =
      ThreadLocal.withInitial(() -> new StructuredValueWriter(redactor, maxValueBytes));

  public ConsoleLineEncoder() {}

  public ConsoleLineEncoder(ObservabilityRuntime runtime, boolean color) {
    this.runtime = runtime;
    this.color = color;
  }

  /** From XML: {@code <color>true</color>}; by default colour only on a terminal. */
  public void setColor(boolean color) {
    this.color = color;
  }

  /** The runtime this encoder writes for; null before {@link #start()} in the XML form. */
  public ObservabilityRuntime runtime() {
    return runtime;
  }

  @Override
  public void start() {
    if (runtime == null) {
      runtime = Observability.runtime();
      color = color || System.console() != null;
    }
    redactor = runtime.redactor();
    maxValueBytes = runtime.settings().limits().valueBytes();
    super.start();
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    if (!isStarted()) {
      start();
    }
    StringBuilder line = new StringBuilder(160);
    try {
      append(line, event);
    } catch (RuntimeException e) {
      line.append(" [event could not be formatted: ").append(e.getClass().getName()).append(']');
    }
    line.append('\n');
    return line.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void append(StringBuilder line, ILoggingEvent event) {
    line.append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ');
    String level = event.getLevel().levelStr;
    if (color) {
      line.append(levelColor(event.getLevel())).append(String.format("%-5s", level)).append(RESET);
    } else {
      line.append(String.format("%-5s", level));
    }
    line.append(" [").append(event.getThreadName()).append("] ");
    if (color) {
      line.append(DIM).append(event.getLoggerName()).append(RESET);
    } else {
      line.append(event.getLoggerName());
    }
    // Read from the view before any user toString() runs: one that logs would rebuild it.
    EventView view = EventView.of(event, redactor);
    SpanContext span = view.span();
    String stackTrace = view.stackTrace();
    line.append(" - ").append(view.message());

    JsonWriter scratch = new JsonWriter(128);
    // As on the JSON line, a key written once with a value is not repeated (a request id in both
    // MDC and key-values, a trace id in MDC and from the current span).
    Map<String, Object> written = new HashMap<>();
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      mdc.forEach((k, v) -> pair(line, scratch, written, k, v));
    }
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        if (pair != null) {
          pair(line, scratch, written, pair.key, pair.value);
        }
      }
    }
    if (span.isValid() && !span.getTraceId().equals(written.get(LineFields.TRACE_ID))) {
      line.append(' ').append(LineFields.TRACE_ID).append('=').append(span.getTraceId());
    }
    if (stackTrace != null) {
      line.append('\n').append(stackTrace);
    }
  }

  private void pair(
      StringBuilder line, JsonWriter scratch, Map<String, Object> written, String key, Object value) {
    if (value != null && written.containsKey(key) && value.equals(written.get(key))) {
      return;
    }
    written.putIfAbsent(key, value);
    scratch.reset();
    StructuredValueWriter writer = values.get();
    writer.value(scratch, key, value);
    line.append(' ').append(key == null ? "null" : redactor.redactText(key)).append('=');
    line.append(scratch);
  }

  private static String levelColor(Level level) {
    return switch (level.levelInt) {
      case Level.ERROR_INT -> "\u001b[31m";
      case Level.WARN_INT -> "\u001b[33m";
      case Level.INFO_INT -> "\u001b[32m";
      case Level.DEBUG_INT -> "\u001b[36m";
      default -> "\u001b[90m";
    };
  }
}
