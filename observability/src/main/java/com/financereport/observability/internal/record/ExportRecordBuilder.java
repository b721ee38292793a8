package com.financereport.observability.internal.record;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Builds one {@link ExportRecord} on the emitting thread and hands it to the emitter's processor
 * on {@link #emit()}. Keys given by name come from the emitter's {@link AttributeKeys}. Used once:
 * a builder is not reused after {@code emit()}.
 */
public final class ExportRecordBuilder implements LogRecordBuilder {
  private final RecordEmitter emitter;
  private final InstrumentationScopeInfo scope;
  private long timestampEpochNanos;
  private long observedTimestampEpochNanos;
  private Context context;
  private SpanContext spanContext;
  private Severity severity = Severity.UNDEFINED_SEVERITY_NUMBER;
  private String severityText;
  private Value<?> body;
  private RecordAttributes attributes;

  ExportRecordBuilder(RecordEmitter emitter, InstrumentationScopeInfo scope) {
    this.emitter = emitter;
    this.scope = scope;
  }

  @Override
  public ExportRecordBuilder setTimestamp(long timestamp, TimeUnit unit) {
    this.timestampEpochNanos = unit.toNanos(timestamp);
    return this;
  }

  @Override
  public ExportRecordBuilder setTimestamp(Instant instant) {
    this.timestampEpochNanos = epochNanos(instant);
    return this;
  }

  @Override
  public ExportRecordBuilder setObservedTimestamp(long timestamp, TimeUnit unit) {
    this.observedTimestampEpochNanos = unit.toNanos(timestamp);
    return this;
  }

  @Override
  public ExportRecordBuilder setObservedTimestamp(Instant instant) {
    this.observedTimestampEpochNanos = epochNanos(instant);
    return this;
  }

  @Override
  public ExportRecordBuilder setContext(Context context) {
    this.context = context;
    this.spanContext = context == null ? null : Span.fromContext(context).getSpanContext();
    return this;
  }

  /** The span of the context set so far (of the current context when none was set). */
  public SpanContext spanContext() {
    return spanContext != null ? spanContext : Span.fromContext(Context.current()).getSpanContext();
  }

  @Override
  public ExportRecordBuilder setSeverity(Severity severity) {
    this.severity = severity;
    return this;
  }

  @Override
  public ExportRecordBuilder setSeverityText(String severityText) {
    this.severityText = severityText;
    return this;
  }

  @Override
  public ExportRecordBuilder setBody(String body) {
    this.body = body == null ? null : Value.of(body);
    return this;
  }

  @Override
  public ExportRecordBuilder setBody(Value<?> body) {
    this.body = body;
    return this;
  }

  @Override
  public <T> ExportRecordBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key == null || key.getKey().isEmpty() || value == null) {
      return this;
    }
    if (attributes == null) {
      attributes = new RecordAttributes();
    }
    attributes.put(key, value);
    return this;
  }

  @Override
  public ExportRecordBuilder setAttribute(String key, String value) {
    return key == null ? this : setAttribute(emitter.keys().string(key), value);
  }

  @Override
  public ExportRecordBuilder setAttribute(String key, long value) {
    return key == null ? this : setAttribute(emitter.keys().longKey(key), value);
  }

  @Override
  public ExportRecordBuilder setAttribute(String key, int value) {
    return setAttribute(key, (long) value);
  }

  @Override
  public ExportRecordBuilder setAttribute(String key, double value) {
    return key == null ? this : setAttribute(emitter.keys().doubleKey(key), value);
  }

  @Override
  public ExportRecordBuilder setAttribute(String key, boolean value) {
    return key == null ? this : setAttribute(emitter.keys().booleanKey(key), value);
  }

  /** Builds the record and hands it to the processor; the current context when none was set. */
  @Override
  public void emit() {
    Context recordContext = context == null ? Context.current() : context;
    SpanContext span =
        spanContext != null ? spanContext : Span.fromContext(recordContext).getSpanContext();
    long observed =
        observedTimestampEpochNanos == 0 ? emitter.clock().now() : observedTimestampEpochNanos;
    Attributes recordAttributes = attributes == null ? Attributes.empty() : attributes;
    emitter.emit(
        recordContext,
        new ExportRecord(
            emitter.resource(),
            scope,
            timestampEpochNanos,
            observed,
            span,
            severity,
            severityText,
            body,
            recordAttributes,
            attributes == null ? 0 : attributes.totalAdded(),
            null));
  }

  private static long epochNanos(Instant instant) {
    return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
  }
}
