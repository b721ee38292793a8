package com.financereport.observability.spool;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;

/** A log record rebuilt from its spooled line, handed to the real exporter on replay. */
record SpooledLogRecord(
    Resource resource,
    InstrumentationScopeInfo scope,
    long timestampEpochNanos,
    long observedTimestampEpochNanos,
    SpanContext spanContext,
    Severity severity,
    String severityText,
    Value<?> bodyValue,
    Attributes attributes,
    int totalAttributeCount,
    String eventName)
    implements LogRecordData {

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
  @SuppressWarnings("deprecation") // still part of the interface; the string view of the body
  public Body getBody() {
    if (bodyValue == null) {
      return Body.empty();
    }
    return Body.string(bodyValue.getType() == ValueType.STRING ? (String) bodyValue.getValue() : bodyValue.asString());
  }

  @Override
  public Value<?> getBodyValue() {
    return bodyValue;
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
}
