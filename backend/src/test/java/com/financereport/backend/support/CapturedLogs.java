package com.financereport.backend.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * Everything the process logs while open: the Logback events (message, MDC, key-values) through a
 * ListAppender on the root logger, and the bytes written to System.out, which is where the
 * library's console appender writes the stdout lines.
 */
public final class CapturedLogs implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new SnapshotAppender();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final PrintStream originalOut = System.out;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  public CapturedLogs() {
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
    System.setOut(new PrintStream(new TeeStream(stdout, originalOut), true, StandardCharsets.UTF_8));
  }

  public List<ILoggingEvent> events() {
    synchronized (appender.list) {
      return List.copyOf(appender.list);
    }
  }

  public List<ILoggingEvent> withMessage(String message) {
    return events().stream().filter(e -> message.equals(e.getMessage())).toList();
  }

  /** The value of a key-value pair of the event, or null. */
  public static Object keyValue(ILoggingEvent event, String key) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs == null) {
      return null;
    }
    return pairs.stream().filter(p -> key.equals(p.key)).map(p -> p.value).findFirst().orElse(null);
  }

  /** All text an event carries: formatted message, key-values, MDC and exception. */
  public static String allText(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(Objects.toString(event.getFormattedMessage(), ""));
    if (event.getKeyValuePairs() != null) {
      event.getKeyValuePairs().forEach(p -> text.append(' ').append(p.key).append('=').append(p.value));
    }
    text.append(' ').append(event.getMDCPropertyMap());
    if (event.getThrowableProxy() != null) {
      text.append(' ').append(event.getThrowableProxy().getMessage());
    }
    return text.toString();
  }

  public String allEventText() {
    return events().stream().map(CapturedLogs::allText).collect(Collectors.joining("\n"));
  }

  public String stdout() {
    System.out.flush();
    return stdout.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.out.flush();
    System.setOut(originalOut);
    root.detachAppender(appender);
    appender.stop();
  }

  /** Freezes MDC and key-values at logging time: Logback reads the MDC lazily otherwise. */
  private static final class SnapshotAppender extends ListAppender<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      super.append(event);
    }
  }

  /** Writes to the capture buffer and to the real stdout, so test output stays visible. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream first;
    private final java.io.OutputStream second;

    TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      first.flush();
      second.flush();
    }
  }
}
