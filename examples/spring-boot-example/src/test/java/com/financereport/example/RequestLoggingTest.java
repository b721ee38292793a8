package com.financereport.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.ReceivedRecord;
import com.financereport.observability.otlp.testing.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The request line and the request's span: the backend's rules, as the collector receives them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLoggingTest {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";
  @TempDir static Path spool;
  static OtlpTestReceiver receiver;

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void exportToTheReceiver() {
    receiver = ExportSettingsForTests.receiverFor(spool);
    ExportSettingsForTests.exportTraces();
  }

  @AfterAll
  static void stopTheReceiver() {
    receiver.close();
  }

  @Test
  void theLineNamesMethodRouteTemplateStatusAndDuration() throws Exception {
    ReceivedRecord line = requestLine(send("/api/items/41", "X-Request-ID", "req-route"));
    assertThat(line.attribute("method")).isEqualTo("GET");
    assertThat(line.attribute("route")).isEqualTo("/api/items/{id}");
    assertThat(line.attributes().get("status_code").getIntValue()).isEqualTo(200);
    assertThat(line.attributes()).containsKey("duration_ms");
  }

  @Test
  void theCallersRequestIdIsKeptAndEchoed() throws Exception {
    HttpResponse<String> response = send("/api/items/42", "X-Request-ID", "req-kept-1");
    assertThat(response.headers().firstValue("X-Request-ID")).contains("req-kept-1");
    assertThat(requestLine(response).attribute("request_id")).isEqualTo("req-kept-1");
  }

  @Test
  void anUnsafeRequestIdIsReplacedByAFreshOne() throws Exception {
    HttpResponse<String> response = send("/api/items/43", "X-Request-ID", "bad id<script>");
    String echoed = response.headers().firstValue("X-Request-ID").orElseThrow();
    assertThat(echoed).matches("[0-9a-f-]{36}");
  }

  @Test
  void theCallersTraceparentGivesTheTraceId() throws Exception {
    HttpResponse<String> response =
        send("/api/items/44", "X-Request-ID", "req-trace", "traceparent", TRACEPARENT);
    ReceivedRecord line = requestLine(response);
    assertThat(HexFormat.of().formatHex(line.record().getTraceId().toByteArray()))
        .as("the record's trace id")
        .isEqualTo(TRACE_ID);
  }

  @Test
  void theCallersTraceparentIsTheParentOfTheServerSpan() throws Exception {
    HttpResponse<String> response =
        send("/api/items/46", "X-Request-ID", "req-span", "traceparent", TRACEPARENT);
    ReceivedSpan span =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    receiver.spans().stream()
                        .filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER && s.traceId().equals(TRACE_ID))
                        .findFirst()
                        .orElse(null),
                s -> s != null);
    assertThat(span.parentSpanId()).isEqualTo(CALLER_SPAN_ID);
    assertThat(span.name()).isEqualTo("GET /api/items/{id}");
    assertThat(response.headers().firstValue("traceparent"))
        .contains("00-" + TRACE_ID + "-" + span.spanId() + "-01");
  }

  @Test
  void theQueryStringAndHeadersNeverAppear() throws Exception {
    HttpResponse<String> response =
        send("/api/items/45?token=qS3cretQuery", "X-Request-ID", "req-query", "X-Api-Key", "hS3cretHeader");
    ReceivedRecord line = requestLine(response);
    assertThat(line.wireText()).doesNotContain("qS3cretQuery", "hS3cretHeader", "token=");
  }

  @Test
  void anUnmatchedPathIsLoggedAsUnmatched() throws Exception {
    HttpResponse<String> response = send("/no/such/path", "X-Request-ID", "req-404");
    assertThat(response.statusCode()).isEqualTo(404);
    ReceivedRecord line = requestLine(response);
    assertThat(line.attribute("route")).isEqualTo("unmatched");
    assertThat(line.attributes().get("status_code").getIntValue()).isEqualTo(404);
  }

  private ReceivedRecord requestLine(HttpResponse<String> response) {
    String requestId = response.headers().firstValue("X-Request-ID").orElseThrow();
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                receiver.records().stream()
                    .filter(r -> r.body().equals("HTTP Request"))
                    .filter(r -> requestId.equals(r.attribute("request_id")))
                    .findFirst()
                    .orElse(null),
            r -> r != null);
  }

  private HttpResponse<String> send(String path, String... headers) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).headers(headers).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
