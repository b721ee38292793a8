package com.financereport.observability.internal.wire;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;

/**
 * An OTLP {@code ExportTraceServiceRequest} (opentelemetry/proto/collector/trace/v1), written as
 * protobuf straight from the spans, with the fields the SDK's own marshaller writes: ids, W3C
 * trace state, parent, name, kind, times, attributes, events, links, status, and the flags with
 * the parent-is-remote bits.
 *
 * <p>One encoder per thread: it keeps its buffer between requests.
 */
public final class SpansRequestEncoder extends OtlpRequestEncoder<SpanData> {
  // trace.proto: Span
  private static final int TRACE_ID = 1;
  private static final int SPAN_ID = 2;
  private static final int TRACE_STATE = 3;
  private static final int PARENT_SPAN_ID = 4;
  private static final int NAME = 5;
  private static final int KIND = 6;
  private static final int START_TIME_UNIX_NANO = 7;
  private static final int END_TIME_UNIX_NANO = 8;
  private static final int ATTRIBUTES = 9;
  private static final int DROPPED_ATTRIBUTES_COUNT = 10;
  private static final int EVENTS = 11;
  private static final int DROPPED_EVENTS_COUNT = 12;
  private static final int LINKS = 13;
  private static final int DROPPED_LINKS_COUNT = 14;
  private static final int STATUS = 15;
  private static final int FLAGS = 16;
  // Span.Event
  private static final int EVENT_TIME_UNIX_NANO = 1;
  private static final int EVENT_NAME = 2;
  private static final int EVENT_ATTRIBUTES = 3;
  private static final int EVENT_DROPPED_ATTRIBUTES_COUNT = 4;
  // Span.Link
  private static final int LINK_TRACE_ID = 1;
  private static final int LINK_SPAN_ID = 2;
  private static final int LINK_TRACE_STATE = 3;
  private static final int LINK_ATTRIBUTES = 4;
  private static final int LINK_DROPPED_ATTRIBUTES_COUNT = 5;
  private static final int LINK_FLAGS = 6;
  // Status
  private static final int STATUS_MESSAGE = 2;
  private static final int STATUS_CODE = 3;
  // SpanFlags: the context's W3C flags, plus whether the parent (or link) context is remote.
  private static final int CONTEXT_HAS_IS_REMOTE = 0x100;
  private static final int CONTEXT_IS_REMOTE = 0x200;

  public SpansRequestEncoder() {
    this(new ProtoWriter(64 * 1024));
  }

  SpansRequestEncoder(ProtoWriter out) {
    super(out, SpanData::getResource, SpanData::getInstrumentationScopeInfo);
  }

  @Override
  void item(SpanData span) {
    int end = out.mark();
    SpanContext context = span.getSpanContext();
    SpanContext parent = span.getParentSpanContext();
    out.fixed32(FLAGS, flags(context, parent.isRemote()));
    status(span.getStatus());
    out.uint32(DROPPED_LINKS_COUNT, span.getTotalRecordedLinks() - span.getLinks().size());
    List<LinkData> links = span.getLinks();
    for (int i = links.size() - 1; i >= 0; i--) {
      link(links.get(i));
    }
    out.uint32(DROPPED_EVENTS_COUNT, span.getTotalRecordedEvents() - span.getEvents().size());
    List<EventData> events = span.getEvents();
    for (int i = events.size() - 1; i >= 0; i--) {
      event(events.get(i));
    }
    out.uint32(
        DROPPED_ATTRIBUTES_COUNT, span.getTotalAttributeCount() - span.getAttributes().size());
    common.attributes(ATTRIBUTES, span.getAttributes());
    out.fixed64(END_TIME_UNIX_NANO, span.getEndEpochNanos());
    out.fixed64(START_TIME_UNIX_NANO, span.getStartEpochNanos());
    // SpanKind's order is the proto enum's, less SPAN_KIND_UNSPECIFIED (0).
    out.varint(KIND, span.getKind().ordinal() + 1);
    out.string(NAME, span.getName());
    if (parent.isValid()) {
      out.hexBytes(PARENT_SPAN_ID, parent.getSpanId());
    }
    traceState(TRACE_STATE, context.getTraceState());
    out.hexBytes(SPAN_ID, context.getSpanId());
    out.hexBytes(TRACE_ID, context.getTraceId());
    out.endMessage(SCOPE_ITEMS, end);
  }

  private void status(StatusData status) {
    // Always present, as the SDK writes it, even when unset and without a description.
    int end = out.mark();
    out.varint(STATUS_CODE, statusCode(status.getStatusCode()));
    out.string(STATUS_MESSAGE, status.getDescription());
    out.endMessage(STATUS, end);
  }

  private static int statusCode(StatusCode code) {
    return switch (code) {
      case UNSET -> 0;
      case OK -> 1;
      case ERROR -> 2;
    };
  }

  private void event(EventData event) {
    int end = out.mark();
    out.uint32(
        EVENT_DROPPED_ATTRIBUTES_COUNT, event.getTotalAttributeCount() - event.getAttributes().size());
    common.attributes(EVENT_ATTRIBUTES, event.getAttributes());
    out.string(EVENT_NAME, event.getName());
    out.fixed64(EVENT_TIME_UNIX_NANO, event.getEpochNanos());
    out.endMessage(EVENTS, end);
  }

  private void link(LinkData link) {
    int end = out.mark();
    SpanContext context = link.getSpanContext();
    out.fixed32(LINK_FLAGS, flags(context, context.isRemote()));
    out.uint32(
        LINK_DROPPED_ATTRIBUTES_COUNT, link.getTotalAttributeCount() - link.getAttributes().size());
    common.attributes(LINK_ATTRIBUTES, link.getAttributes());
    traceState(LINK_TRACE_STATE, context.getTraceState());
    out.hexBytes(LINK_SPAN_ID, context.getSpanId());
    out.hexBytes(LINK_TRACE_ID, context.getTraceId());
    out.endMessage(LINKS, end);
  }

  private static int flags(SpanContext context, boolean remote) {
    return (context.getTraceFlags().asByte() & 0xFF)
        | CONTEXT_HAS_IS_REMOTE
        | (remote ? CONTEXT_IS_REMOTE : 0);
  }

  /** The W3C {@code tracestate} header value: {@code key=value} entries joined by commas. */
  private void traceState(int field, TraceState state) {
    if (state.isEmpty()) {
      return;
    }
    StringBuilder header = new StringBuilder();
    state.forEach(
        (key, value) -> {
          if (header.length() > 0) {
            header.append(',');
          }
          header.append(key).append('=').append(value);
        });
    out.string(field, header.toString());
  }
}
