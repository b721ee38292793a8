package com.financereport.observability.internal.json;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.financereport.observability.internal.redaction.RedactionMemo;
import com.financereport.observability.redaction.Redactor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;

/**
 * The texts of one Logback event as every output shows them, redacted once on the application
 * thread: the message, the exception's type, message and stack trace, the marker tags and the
 * trace context. The stdout line and the OTLP record both render this view and cut its texts at
 * the same {@code valueBytes} by the one rule of {@link com.financereport.observability.internal.redaction.Utf8Cut};
 * key-values and MDC go through the one {@link com.financereport.observability.internal.redaction.StructuredValueWalker}.
 *
 * <p>When both appenders see the same event on the same thread, the second finds the view the
 * first built ({@link #of} compares the event by identity): the stack trace is formatted and
 * scanned once, not once per output. The view is reused per thread, so an output reads what it
 * needs before it runs user code (a key-value's {@code toString()} that logs would rebuild it).
 */
public final class EventView {
  private ILoggingEvent event;
  private String message;
  private String exceptionType;
  private String exceptionMessage;
  private String stackTrace;
  private SpanContext span;
  private List<String> tags;

  private EventView() {}

  /** The view of {@code event} as {@code redactor} redacts it; built on the first call per event. */
  public static EventView of(ILoggingEvent event, Redactor redactor) {
    return of(event, redactor.threadMemo());
  }

  /**
   * The view of {@code event} redacted through this thread's {@code texts}, which keep the one
   * view of the thread (a cache of one, never read by another thread).
   */
  public static EventView of(ILoggingEvent event, RedactionMemo texts) {
    EventView view;
    if (texts.eventView() instanceof EventView cached) {
      if (cached.event == event) {
        return cached;
      }
      view = cached;
    } else {
      view = new EventView();
      texts.eventView(view);
    }
    view.fill(event, texts);
    return view;
  }

  /** Every field is written on every fill, the key last: a fill nested in this one leaves no trace. */
  private void fill(ILoggingEvent source, RedactionMemo texts) {
    event = null;
    String formatted = source.getFormattedMessage();
    message = texts.redactText(formatted == null ? "" : formatted);
    IThrowableProxy thrown = source.getThrowableProxy();
    exceptionType = thrown == null ? null : nullToEmpty(thrown.getClassName());
    exceptionMessage = thrown == null ? null : texts.redactText(thrown.getMessage());
    stackTrace = thrown == null ? null : texts.redactText(ThrowableProxyUtil.asString(thrown));
    span = Span.current().getSpanContext();
    List<String> names = MarkerTags.of(source);
    for (int i = 0; i < names.size(); i++) {
      // MarkerTags gives a fresh list whenever there is a tag: redacted in place.
      names.set(i, texts.redactText(names.get(i)));
    }
    tags = names;
    event = source;
  }

  /** The formatted message, redacted; empty when the event has none. */
  public String message() {
    return message;
  }

  /** Whether the event carries a throwable; the exception getters are null otherwise. */
  public boolean hasException() {
    return exceptionType != null;
  }

  public String exceptionType() {
    return exceptionType;
  }

  /** The throwable's own message, redacted; null when it has none. */
  public String exceptionMessage() {
    return exceptionMessage;
  }

  /** The stack trace as Logback prints it, causes included, redacted. */
  public String stackTrace() {
    return stackTrace;
  }

  /** The current span when the event was logged; invalid outside a span. */
  public SpanContext span() {
    return span;
  }

  /** The marker names ({@link MarkerTags}), redacted; empty without markers. */
  public List<String> tags() {
    return tags;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
