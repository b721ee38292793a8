package com.financereport.observability.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.observability.json.LogCapture;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** With traces on, an external call is a CLIENT span under the current one. */
class ExternalCallSpanTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  private final Tracer tracer = provider.get("test");
  private final LogCapture capture = LogCapture.json(Map.of());
  private final Logger log = capture.logger("calls");

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void aDatabaseCallIsAClientSpanUnderTheRequestsSpan() throws Exception {
    Span server = tracer.spanBuilder("GET /api/reports").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = server.makeCurrent()) {
      ExternalCall.call(tracer, log, "postgresql", "SELECT", () -> 1);
    } finally {
      server.end();
    }

    SpanData client = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
    assertThat(client.getName()).isEqualTo("SELECT postgresql");
    assertThat(client.getParentSpanId()).isEqualTo(server.getSpanContext().getSpanId());
    assertThat(client.getAttributes().get(ClientSpan.DB_SYSTEM)).isEqualTo("postgresql");
    assertThat(client.getAttributes().get(ClientSpan.DB_OPERATION)).isEqualTo("SELECT");
  }

  @Test
  void anS3CallCarriesTheRpcAttributes() throws Exception {
    ExternalCall.call(tracer, log, "s3", "GetObject", () -> 1);

    SpanData client = spans.getFinishedSpanItems().get(0);
    assertThat(client.getAttributes().get(ClientSpan.RPC_SYSTEM)).isEqualTo("aws-api");
    assertThat(client.getAttributes().get(ClientSpan.RPC_SERVICE)).isEqualTo("S3");
    assertThat(client.getAttributes().get(ClientSpan.RPC_METHOD)).isEqualTo("GetObject");
  }

  @Test
  void aFailedCallMarksItsSpanWithTheErrorTypeOnly() {
    assertThatThrownBy(
            () -> ExternalCall.call(tracer, log, "redis", "GET", () -> { throw new IllegalStateException("pw=hunter2"); }))
        .isInstanceOf(IllegalStateException.class);

    SpanData client = spans.getFinishedSpanItems().get(0);
    assertThat(client.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(client.getAttributes().get(ClientSpan.ERROR_TYPE)).isEqualTo("java.lang.IllegalStateException");
    assertThat(client.getEvents()).as("no exception event: its message may hold secrets").isEmpty();
  }

  @Test
  void theCallsLogLineCarriesTheClientSpansIds() throws Exception {
    ExternalCall.call(tracer, log, "redis", "GET", () -> 1);

    SpanData client = spans.getFinishedSpanItems().get(0);
    JsonNode line = capture.single();
    assertThat(line.get("trace_id").asText()).isEqualTo(client.getTraceId());
    assertThat(line.get("span_id").asText()).isEqualTo(client.getSpanId());
  }

  @Test
  void withTracesOffTheCurrentSpanStaysWhatItWas() throws Exception {
    Tracer off = OpenTelemetry.noop().getTracer("test");
    Span caller = tracer.spanBuilder("caller").startSpan();
    SpanContext[] seen = new SpanContext[1];
    try (Scope ignored = caller.makeCurrent()) {
      ExternalCall.call(off, log, "postgresql", "SELECT", () -> seen[0] = Span.current().getSpanContext());
    } finally {
      caller.end();
    }
    assertThat(seen[0]).isEqualTo(caller.getSpanContext());
  }
}
