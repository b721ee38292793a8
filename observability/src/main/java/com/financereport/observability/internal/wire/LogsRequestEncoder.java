package com.financereport.observability.internal.wire;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.logs.data.LogRecordData;

/**
 * An OTLP {@code ExportLogsServiceRequest} (opentelemetry/proto/collector/logs/v1), written as
 * protobuf straight from the records: grouped by resource, then by instrumentation scope, records
 * in batch order, with the fields the SDK's own marshaller writes. It replaces the SDK's
 * marshaller, which builds an object per record, attribute and value before writing a byte; the
 * request goes out through the SDK's {@code HttpSender} all the same.
 *
 * <p>One encoder per thread: it keeps its buffer between requests.
 */
public final class LogsRequestEncoder extends OtlpRequestEncoder<LogRecordData> {
  // logs.proto: LogRecord
  private static final int TIME_UNIX_NANO = 1;
  private static final int SEVERITY_NUMBER = 2;
  private static final int SEVERITY_TEXT = 3;
  private static final int BODY = 5;
  private static final int ATTRIBUTES = 6;
  private static final int DROPPED_ATTRIBUTES_COUNT = 7;
  private static final int FLAGS = 8;
  private static final int TRACE_ID = 9;
  private static final int SPAN_ID = 10;
  private static final int OBSERVED_TIME_UNIX_NANO = 11;
  private static final int EVENT_NAME = 12;

  private static final String INVALID_TRACE_ID = TraceId.getInvalid();
  private static final String INVALID_SPAN_ID = SpanId.getInvalid();

  public LogsRequestEncoder() {
    this(new ProtoWriter(64 * 1024));
  }

  LogsRequestEncoder(ProtoWriter out) {
    super(out, LogRecordData::getResource, LogRecordData::getInstrumentationScopeInfo);
  }

  @Override
  void item(LogRecordData record) {
    int end = out.mark();
    out.string(EVENT_NAME, record.getEventName());
    out.fixed64(OBSERVED_TIME_UNIX_NANO, record.getObservedTimestampEpochNanos());
    SpanContext span = record.getSpanContext();
    // Each id only when valid, as the SDK writes them.
    if (!INVALID_SPAN_ID.equals(span.getSpanId())) {
      out.hexBytes(SPAN_ID, span.getSpanId());
    }
    if (!INVALID_TRACE_ID.equals(span.getTraceId())) {
      out.hexBytes(TRACE_ID, span.getTraceId());
    }
    out.fixed32(FLAGS, span.getTraceFlags().asByte() & 0xFF);
    out.uint32(
        DROPPED_ATTRIBUTES_COUNT,
        record.getTotalAttributeCount() - record.getAttributes().size());
    common.attributes(ATTRIBUTES, record.getAttributes());
    if (record.getBodyValue() != null) {
      common.anyValue(BODY, record.getBodyValue());
    }
    out.string(SEVERITY_TEXT, record.getSeverityText());
    out.varint(SEVERITY_NUMBER, record.getSeverity().getSeverityNumber());
    out.fixed64(TIME_UNIX_NANO, record.getTimestampEpochNanos());
    out.endMessage(SCOPE_ITEMS, end);
  }
}
