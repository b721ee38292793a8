package com.financereport.example.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.scheduler.Schedulers;

/**
 * The WebFlux request line, and the lines a handler logs itself across Reactor's threads, on a
 * real reactive application on Netty over real HTTP: the MVC filter's rules, read from stdout as a
 * log collector reads them, with traces exported to the test receiver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ReactiveRequestLoggingTest {
  static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  static final String TRACEPARENT = "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final int CONCURRENT_REQUESTS = 16;
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path spool;
  static OtlpTestReceiver receiver;

  @Value("${local.server.port}")
  int port;

  /** Spring's environment has these system properties before the starter's logging starts. */
  @BeforeAll
  static void exportLogsAndTracesToTheReceiver() {
    receiver = OtlpTestReceiver.start();
    System.setProperty("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint());
    System.setProperty("OTEL_TRACES_EXPORTER", "otlp");
    System.setProperty("OBSERVABILITY_SPOOL_DIR", spool.toString());
    System.setProperty("OTEL_BLRP_SCHEDULE_DELAY", "100");
    System.setProperty("OTEL_BSP_SCHEDULE_DELAY", "100");
  }

  @AfterAll
  static void stopTheReceiver() {
    receiver.close();
  }

  @Test
  void theLineNamesMethodRouteTemplateStatusAndDuration(CapturedOutput output) throws Exception {
    JsonNode line = requestLine(output, send("/api/items/41", "X-Request-ID", "rx-route"));
    assertThat(line.path("method").asText()).isEqualTo("GET");
    assertThat(line.path("route").asText()).isEqualTo("/api/items/{id}");
    assertThat(line.path("status_code").asInt()).isEqualTo(200);
    assertThat(line.path("duration_ms").isNumber()).as("duration_ms in %s", line).isTrue();
    assertThat(line.path("request_id").asText()).isEqualTo("rx-route");
  }

  @Test
  void theCallersRequestIdIsEchoed() throws Exception {
    HttpResponse<String> response = send("/api/items/42", "X-Request-ID", "rx-kept-1");
    assertThat(response.headers().firstValue("X-Request-ID")).contains("rx-kept-1");
  }

  @Test
  void anUnsafeRequestIdIsReplacedByAFreshOne(CapturedOutput output) throws Exception {
    HttpResponse<String> response = send("/api/items/43", "X-Request-ID", "bad id<script>");
    String echoed = response.headers().firstValue("X-Request-ID").orElseThrow();
    assertThat(echoed).matches("[0-9a-f-]{36}");
    assertThat(requestLine(output, response).path("request_id").asText()).isEqualTo(echoed);
  }

  @Test
  void theQueryStringAndHeadersNeverAppear(CapturedOutput output) throws Exception {
    HttpResponse<String> response =
        send("/api/items/44?token=qS3cretQuery", "X-Request-ID", "rx-query", "X-Api-Key", "hS3cretHeader");
    requestLine(output, response);
    assertThat(output.getAll()).doesNotContain("qS3cretQuery", "hS3cretHeader", "token=");
  }

  /** A 404 and a handler's failure both pass the filter as errors, before Boot renders them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"/no/such/path, 404, unmatched", "/api/broken, 500, /api/broken"})
  void anErrorIsLoggedWithTheStatusTheClientGets(String path, int status, String route, CapturedOutput output)
      throws Exception {
    HttpResponse<String> response = send(path, "X-Request-ID", "rx-" + status);
    assertThat(response.statusCode()).isEqualTo(status);
    JsonNode line = requestLine(output, response);
    assertThat(line.path("route").asText()).isEqualTo(route);
    assertThat(line.path("status_code").asInt()).isEqualTo(status);
  }

  @Test
  void anIncomingTraceparentIsTheParentOfTheServerSpan(CapturedOutput output) throws Exception {
    HttpResponse<String> response =
        send("/api/items/45", "X-Request-ID", "rx-trace", "traceparent", TRACEPARENT);
    ReceivedSpan span = serverSpan(CALLER_TRACE_ID);
    assertThat(span.parentSpanId()).isEqualTo(CALLER_SPAN_ID);
    assertThat(span.name()).isEqualTo("GET /api/items/{id}");
    assertThat(response.headers().firstValue("traceparent"))
        .contains("00-" + CALLER_TRACE_ID + "-" + span.spanId() + "-01");
    assertThat(requestLine(output, response).path("trace_id").asText()).isEqualTo(CALLER_TRACE_ID);
  }

  /** Netty's thread (reactor-http-nio-N on Boot 3, webflux-http-epoll-N on 4), then Mono.delay's, then a boundedElastic worker. */
  @Test
  void aHandlersOwnLinesCarryTheRequestIdAndServerSpanAcrossThreadHops(CapturedOutput output) throws Exception {
    HttpResponse<String> response = send("/api/items/hop/stock", "X-Request-ID", "rx-hops");
    assertThat(response.statusCode()).isEqualTo(200);
    ReceivedSpan span = serverSpan(requestLine(output, response).path("trace_id").asText());
    List<JsonNode> lines = handlerLines(output, "hop");
    assertThat(lines).extracting(n -> n.path("thread").asText())
        .satisfiesExactly(
            netty -> assertThat(netty).contains("-http-"),
            delayed -> assertThat(delayed).startsWith("single-"),
            hopped -> assertThat(hopped).startsWith("boundedElastic-"));
    for (JsonNode line : lines) {
      assertThat(line.path("request_id").asText()).as("request_id in %s", line).isEqualTo("rx-hops");
      assertThat(line.path("trace_id").asText()).as("trace_id in %s", line).isEqualTo(span.traceId());
      assertThat(line.path("span_id").asText()).as("span_id in %s", line).isEqualTo(span.spanId());
    }
  }

  @Test
  void concurrentRequestsNeverSeeEachOthersIds(CapturedOutput output) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Map<String, CompletableFuture<HttpResponse<String>>> responses = new LinkedHashMap<>();
    for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
      responses.put("c" + i, client.sendAsync(stockRequest("c" + i, "rx-concurrent-" + i), BodyHandlers.ofString()));
    }
    Set<String> traceIds = new HashSet<>();
    for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> entry : responses.entrySet()) {
      HttpResponse<String> response = entry.getValue().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      String requestId = response.headers().firstValue("X-Request-ID").orElseThrow();
      String traceId = requestLine(output, response).path("trace_id").asText();
      traceIds.add(traceId);
      assertThat(handlerLines(output, entry.getKey()))
          .allSatisfy(line -> {
            assertThat(line.path("request_id").asText()).as("request_id in %s", line).isEqualTo(requestId);
            assertThat(line.path("trace_id").asText()).as("trace_id in %s", line).isEqualTo(traceId);
          });
    }
    assertThat(traceIds).as("one trace per request").hasSize(CONCURRENT_REQUESTS);
  }

  /** The request's id and trace were on the single scheduler's thread for a while; they must not stay. */
  @Test
  void aSchedulerThreadKeepsNoRequestIdAfterTheRequest(CapturedOutput output) throws Exception {
    HttpResponse<String> response = send("/api/items/left/stock", "X-Request-ID", "rx-left-behind");
    requestLine(output, response);
    Schedulers.single().schedule(() -> LoggerFactory.getLogger(getClass()).info("after the request"));
    JsonNode line =
        awaitFirst(() -> lines(output).filter(n -> n.path("message").asText().equals("after the request")));
    assertThat(line.path("thread").asText()).startsWith("single-");
    assertThat(line.has("request_id")).as("request_id in %s", line).isFalse();
    assertThat(line.has("trace_id")).as("trace_id in %s", line).isFalse();
  }

  /** The stock handler's three lines for one item, once all three are on stdout. */
  private static List<JsonNode> handlerLines(CapturedOutput output, String itemId) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                lines(output)
                    .filter(n -> n.path("message").asText().startsWith("stock lookup"))
                    .filter(n -> n.path("item_id").asText().equals(itemId))
                    .toList(),
            found -> found.size() == 3);
  }

  private static ReceivedSpan serverSpan(String traceId) {
    return awaitFirst(
        () ->
            receiver.spans().stream()
                .filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER && s.traceId().equals(traceId)));
  }

  /** The request's "HTTP Request" line on stdout, found by the request id the response echoed. */
  private static JsonNode requestLine(CapturedOutput output, HttpResponse<String> response) {
    String requestId = response.headers().firstValue("X-Request-ID").orElseThrow();
    return awaitFirst(
        () ->
            lines(output)
                .filter(n -> n.path("message").asText().equals("HTTP Request"))
                .filter(n -> n.path("request_id").asText().equals(requestId)));
  }

  /** The first of {@code candidates} once there is one; they are looked at again until then. */
  private static <T> T awaitFirst(Supplier<Stream<T>> candidates) {
    return Awaitility.await().atMost(WAIT).until(() -> candidates.get().findFirst().orElse(null), Objects::nonNull);
  }

  private static Stream<JsonNode> lines(CapturedOutput output) {
    return output.getOut().lines().map(ReactiveRequestLoggingTest::parse);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private HttpRequest stockRequest(String itemId, String requestId) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items/" + itemId + "/stock"))
        .header("X-Request-ID", requestId)
        .build();
  }

  private HttpResponse<String> send(String path, String... headers) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).headers(headers).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
