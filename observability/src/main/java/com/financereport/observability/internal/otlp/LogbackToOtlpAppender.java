package com.financereport.observability.internal.otlp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.financereport.observability.internal.json.EventView;
import com.financereport.observability.internal.json.LineFields;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.settings.OutputLimits;
import com.financereport.observability.internal.record.ExportRecordBuilder;
import com.financereport.observability.internal.record.RecordEmitter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Maps one Logback event to one OTLP log record, redacted before it enters the SDK: nothing
 * unredacted ever sits in the export queue. The record is built once, immutable, by a {@link
 * RecordEmitter}, and goes from there to the SDK's batch processor. It renders the same {@link
 * EventView} as the stdout line, cut at the same value limit: message, typed key-values and MDC
 * (through the same walker), exception, tags, thread, trace context; the logger becomes the
 * instrumentation scope. A user {@code trace_id} or {@code span_id} that repeats the
 * record's own trace context is not repeated as an attribute, as the line writes it once.
 *
 * <p>Events of the export's own loggers (the SDK, this package) are never exported: a failing
 * exporter would otherwise feed on its own warnings.
 */
public final class LogbackToOtlpAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  static final String THREAD_NAME = "thread.name";
  /** The SLF4J markers, as the stdout line's tags array. */
  static final AttributeKey<List<String>> TAGS = AttributeKey.stringArrayKey(LineFields.TAGS);
  static final String EXCEPTION_TYPE = "exception.type";
  static final String EXCEPTION_MESSAGE = "exception.message";
  static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

  private final RecordEmitter records;
  private final ThreadLocal<AttributeValues> values;
  private final Level exportLevel;
  private final boolean codeAttributes;

  /** @param limits the stdout line's limits: texts are cut where the line cuts them */
  LogbackToOtlpAppender(
      RecordEmitter records,
      Redactor redactor,
      Level exportLevel,
      boolean codeAttributes,
      OutputLimits limits) {
    this.records = records;
    int valueBytes = limits.valueBytes();
    this.values = ThreadLocal.withInitial(() -> new AttributeValues(redactor, valueBytes));
    this.exportLevel = exportLevel;
    this.codeAttributes = codeAttributes;
    setName("otlp");
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(exportLevel)
        || SdkSelfLogRateLimiter.isExportInternal(event.getLoggerName())) {
      return;
    }
    // Everything taken from the view before a user toString() runs: one that logs rebuilds it.
    AttributeValues attributes = values.get();
    EventView view = attributes.view(event);
    String body = attributes.cut(view.message());
    List<String> tags = view.tags();
    boolean thrown = view.hasException();
    String exceptionType = view.exceptionType();
    String exceptionMessage = view.exceptionMessage();
    String stackTrace = view.stackTrace();
    SpanContext span = view.span();
    ExportRecordBuilder record =
        records
            .builder(event.getLoggerName())
            .setTimestamp(event.getInstant())
            .setContext(Context.current())
            .setSeverity(severity(event.getLevel()))
            .setSeverityText(event.getLevel().levelStr)
            .setBody(body);
    // User entries first: the fixed attributes set after them always win.
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      mdc.forEach(
          (key, value) -> {
            if (!repeatsTheRecordsSpan(span, key, value)) {
              attributes.put(record, key, value);
            }
          });
    }
    List<KeyValuePair> keyValues = event.getKeyValuePairs();
    if (keyValues != null) {
      for (KeyValuePair pair : keyValues) {
        if (pair != null && !repeatsTheRecordsSpan(span, pair.key, pair.value)) {
          attributes.put(record, pair.key, pair.value);
        }
      }
    }
    record.setAttribute(THREAD_NAME, event.getThreadName());
    if (!tags.isEmpty()) {
      record.setAttribute(TAGS, tags);
    }
    if (thrown) {
      record.setAttribute(EXCEPTION_TYPE, attributes.cut(exceptionType));
      if (exceptionMessage != null) {
        record.setAttribute(EXCEPTION_MESSAGE, attributes.cut(exceptionMessage));
      }
      record.setAttribute(EXCEPTION_STACKTRACE, attributes.cut(stackTrace));
    }
    if (codeAttributes) {
      StackTraceElement[] caller = event.getCallerData();
      if (caller != null && caller.length > 0) {
        record.setAttribute("code.namespace", caller[0].getClassName());
        record.setAttribute("code.function", caller[0].getMethodName());
        if (caller[0].getFileName() != null) {
          record.setAttribute("code.filepath", caller[0].getFileName());
        }
        record.setAttribute("code.lineno", caller[0].getLineNumber());
      }
    }
    record.emit();
  }

  /**
   * A user {@code trace_id} or {@code span_id} equal to the record's own: the record carries it in
   * its trace fields already, as the stdout line writes it once. A different value is kept.
   */
  private static boolean repeatsTheRecordsSpan(SpanContext span, String key, Object value) {
    if (!span.isValid() || key == null) {
      return false;
    }
    return (LineFields.TRACE_ID.equals(key) && span.getTraceId().equals(value))
        || (LineFields.SPAN_ID.equals(key) && span.getSpanId().equals(value));
  }

  static Severity severity(Level level) {
    switch (level.toInt()) {
      case Level.ERROR_INT:
        return Severity.ERROR;
      case Level.WARN_INT:
        return Severity.WARN;
      case Level.INFO_INT:
        return Severity.INFO;
      case Level.DEBUG_INT:
        return Severity.DEBUG;
      case Level.TRACE_INT:
        return Severity.TRACE;
      default:
        return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
  }
}
