package com.financereport.observability.internal.wire;

import static com.financereport.observability.internal.wire.WireFixtures.HTTP_SCOPE;
import static com.financereport.observability.internal.wire.WireFixtures.OTHER_SERVICE;
import static com.financereport.observability.internal.wire.WireFixtures.SERVICE;
import static com.financereport.observability.internal.wire.WireFixtures.UNSAMPLED;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
// The SDK's own marshaller, as the reference our encoder must match: test scope only.
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our protobuf trace request against the SDK's marshaller for the same spans, both decoded with
 * the official opentelemetry-proto classes: every field of every span, event, link, status,
 * resource and scope must be equal. Spans are compared per resource and scope, since the SDK
 * groups them in hash order.
 */
class SpansRequestEncoderTest {
  private static final InstrumentationScopeInfo DB_SCOPE =
      InstrumentationScopeInfo.create("com.financereport.db");
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void everyFieldOfEveryKindOfSpanMatchesTheSdksOwnRequest() throws IOException {
    List<SpanData> spans = new ArrayList<>();
    spans.add(serverSpanWithEverything());
    for (SpanKind kind : SpanKind.values()) {
      spans.add(plain(kind, StatusData.unset()));
    }
    spans.add(plain(SpanKind.CLIENT, StatusData.ok()));
    spans.add(plain(SpanKind.CLIENT, StatusData.create(StatusCode.ERROR, "")));
    spans.add(
        TestSpanData.builder()
            .setResource(OTHER_SERVICE)
            .setInstrumentationScopeInfo(HTTP_SCOPE)
            .setSpanContext(UNSAMPLED)
            .setName("unsampled, other service, no parent")
            .setKind(SpanKind.INTERNAL)
            .setStartEpochNanos(1)
            .setEndEpochNanos(2)
            .setHasEnded(true)
            .setStatus(StatusData.unset())
            .build());

    assertSameRequest(spans);
  }

  @Test
  void aLargeBatchMatchesTheSdksOwnRequest() throws IOException {
    List<SpanData> spans = new ArrayList<>();
    for (int i = 0; i < 2048; i++) {
      spans.add(i % 4 == 0 ? serverSpanWithEverything() : plain(SpanKind.CLIENT, StatusData.ok()));
    }
    assertSameRequest(spans);
  }

  @Test
  void anEmptyBatchIsAnEmptyRequest() throws IOException {
    assertSameRequest(List.of());
  }

  private static void assertSameRequest(List<SpanData> spans) throws IOException {
    ByteArrayOutputStream sdkBytes = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeBinaryTo(sdkBytes);
    ExportTraceServiceRequest sdk = ExportTraceServiceRequest.parseFrom(sdkBytes.toByteArray());
    ExportTraceServiceRequest ours =
        ExportTraceServiceRequest.parseFrom(
            new SpansRequestEncoder().encode(spans).toByteArray());

    assertThat(ours.getUnknownFields().asMap()).isEmpty();
    assertThat(normalized(ours)).isEqualTo(normalized(sdk));
    assertThat(
            ours.getResourceSpansList().stream()
                .flatMap(r -> r.getScopeSpansList().stream())
                .mapToInt(ScopeSpans::getSpansCount)
                .sum())
        .isEqualTo(spans.size());
  }

  private static Map<String, Map<String, List<Span>>> normalized(ExportTraceServiceRequest request) {
    return WireFixtures.normalized(
        request.getResourceSpansList(),
        resource -> resource.getResource() + "|" + resource.getSchemaUrl(),
        ResourceSpans::getScopeSpansList,
        scope -> scope.getScope() + "|" + scope.getSchemaUrl(),
        ScopeSpans::getSpansList);
  }


  private static SpanData serverSpanWithEverything() {
    SpanContext remoteParent =
        SpanContext.createFromRemoteParent(
            TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    SpanContext linked =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getDefault(),
            TraceState.builder().put("vendor", "v1").build());
    return TestSpanData.builder()
        .setResource(SERVICE)
        .setInstrumentationScopeInfo(HTTP_SCOPE)
        .setSpanContext(
            SpanContext.create(
                TRACE,
                "53995c3f42cd8ad8",
                TraceFlags.getSampled(),
                TraceState.builder().put("congo", "t61rcWkgMzE").put("rojo", "00f067aa0ba902b7").build()))
        .setParentSpanContext(remoteParent)
        .setName("GET /api/reports/{id}")
        .setKind(SpanKind.SERVER)
        .setStartEpochNanos(1_764_000_000_123_456_789L)
        .setEndEpochNanos(1_764_000_000_223_456_789L)
        .setAttributes(
            Attributes.builder()
                .put("http.request.method", "GET")
                .put("http.route", "/api/reports/{id}")
                .put("url.path", "/api/reports/7")
                .put("http.response.status_code", 500L)
                .put("error.type", "500")
                .put("ratio", 0.25)
                .put("cached", false)
                .put(AttributeKey.stringArrayKey("tags"), List.of("a", "ü"))
                .build())
        .setTotalAttributeCount(11)
        .setEvents(
            List.of(
                EventData.create(
                    1_764_000_000_200_000_000L,
                    "exception",
                    Attributes.of(AttributeKey.stringKey("exception.type"), "java.io.IOException"),
                    3),
                EventData.create(1_764_000_000_210_000_000L, "retry", Attributes.empty())))
        .setTotalRecordedEvents(5)
        .setLinks(
            List.of(
                LinkData.create(linked, Attributes.of(AttributeKey.longKey("attempt"), 2L), 4),
                LinkData.create(
                    SpanContext.create(
                        TRACE, "1111111111111111", TraceFlags.getSampled(), TraceState.getDefault()))))
        .setTotalRecordedLinks(3)
        .setStatus(StatusData.create(StatusCode.ERROR, "Internal Server Error — naïve"))
        .setHasEnded(true)
        .build();
  }

  private static SpanData plain(SpanKind kind, StatusData status) {
    return TestSpanData.builder()
        .setResource(SERVICE)
        .setInstrumentationScopeInfo(DB_SCOPE)
        .setSpanContext(
            SpanContext.create(TRACE, "2222222222222222", TraceFlags.getSampled(), TraceState.getDefault()))
        .setParentSpanContext(
            SpanContext.create(TRACE, "53995c3f42cd8ad8", TraceFlags.getSampled(), TraceState.getDefault()))
        .setName("SELECT finance.reports")
        .setKind(kind)
        .setStartEpochNanos(1_764_000_000_130_000_000L)
        .setEndEpochNanos(1_764_000_000_140_000_000L)
        .setAttributes(Attributes.of(AttributeKey.stringKey("db.system"), "postgresql"))
        .setTotalAttributeCount(1)
        .setStatus(status)
        .setHasEnded(true)
        .build();
  }
}
