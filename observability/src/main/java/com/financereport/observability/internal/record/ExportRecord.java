package com.financereport.observability.internal.record;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;

/**
 * One log record, complete and immutable when emitted: it is its own {@link LogRecordData}, so the
 * batch processor's {@link #toLogRecordData()} costs nothing. Processors may read it but not add
 * to it; {@link #setAttribute} refuses, as a record already queued for export must not change.
 * The spool rebuilds the records it replays as the same type.
 */
public final class ExportRecord implements ReadWriteLogRecord, LogRecordData {
  private final Resource resource;
  private final InstrumentationScopeInfo scope;
  private final long timestampEpochNanos;
  private final long observedTimestampEpochNanos;
  private final SpanContext spanContext;
  private final Severity severity;
  private final String severityText;
  private final Value<?> body;
  private final Attributes attributes;
  private final int totalAttributeCount;
  private final String eventName;

  /** A complete record; {@code body}, {@code severityText} and {@code eventName} may be null. */
  public ExportRecord(
      Resource resource,
      InstrumentationScopeInfo scope,
      long timestampEpochNanos,
      long observedTimestampEpochNanos,
      SpanContext spanContext,
      Severity severity,
      String severityText,
      Value<?> body,
      Attributes attributes,
      int totalAttributeCount,
      String eventName) {
    this.resource = resource;
    this.scope = scope;
    this.timestampEpochNanos = timestampEpochNanos;
    this.observedTimestampEpochNanos = observedTimestampEpochNanos;
    this.spanContext = spanContext;
    this.severity = severity;
    this.severityText = severityText;
    this.body = body;
    this.attributes = attributes;
    this.totalAttributeCount = totalAttributeCount;
    this.eventName = eventName;
  }

  /** Always refused: the record was complete when it was emitted. */
  @Override
  public <T> ReadWriteLogRecord setAttribute(AttributeKey<T> key, T value) {
    throw new UnsupportedOperationException(
        "an emitted ExportRecord is immutable; set attributes on its builder before emit()");
  }

  @Override
  public LogRecordData toLogRecordData() {
    return this;
  }

  @Override
  public <T> T getAttribute(AttributeKey<T> key) {
    return attributes.get(key);
  }

  @Override
  public Resource getResource() {
    return resource;
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return scope;
  }

  @Override
  public long getTimestampEpochNanos() {
    return timestampEpochNanos;
  }

  @Override
  public long getObservedTimestampEpochNanos() {
    return observedTimestampEpochNanos;
  }

  @Override
  public SpanContext getSpanContext() {
    return spanContext;
  }

  @Override
  public Severity getSeverity() {
    return severity;
  }

  @Override
  public String getSeverityText() {
    return severityText;
  }

  @Override
  public Value<?> getBodyValue() {
    return body;
  }

  /** The body as the deprecated {@link Body}, as the SDK's own record gives it. */
  @Override
  @Deprecated
  public Body getBody() {
    return body == null ? Body.empty() : Body.string(body.asString());
  }

  @Override
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public int getTotalAttributeCount() {
    return totalAttributeCount;
  }

  @Override
  public String getEventName() {
    return eventName;
  }

  @Override
  public String toString() {
    return "ExportRecord{scope="
        + scope.getName()
        + ", timestampEpochNanos="
        + timestampEpochNanos
        + ", severity="
        + severity
        + ", body="
        + body
        + ", attributes="
        + attributes
        + ", spanContext="
        + spanContext
        + "}";
  }
}
