package com.financereport.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.financereport.backend.FinanceReportBackend;
import com.financereport.backend.RunningBackend;
import com.financereport.backend.settings.BackendSettings;
import com.financereport.backend.support.CapturedLogs;
import com.financereport.backend.support.HttpProbe;
import com.financereport.backend.support.TestEnvironment;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.ObservabilitySettings;
import io.opentelemetry.api.trace.TraceId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestHandlingTest {
  private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACEPARENT = "00-" + CALLER_TRACE_ID + "-00f067aa0ba902b7-01";

  private CapturedLogs logs;
  private RunningBackend backend;
  private HttpProbe http;

  @BeforeEach
  void start() {
    logs = new CapturedLogs();
    backend =
        FinanceReportBackend.start(
            BackendSettings.fromEnvironment(TestEnvironment.bare()),
            ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(Map.of())));
    http = new HttpProbe(backend.port());
  }

  @AfterEach
  void stop() {
    backend.close();
    logs.close();
  }

  private ILoggingEvent requestLine() {
    List<ILoggingEvent> lines = logs.withMessage(RequestLog.MESSAGE);
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  @Test
  void callersRequestIdIsEchoedOnTheResponse() {
    HttpProbe.Response response = http.get("/api/ping", "X-Request-ID", "checkout-42.a_b");

    assertThat(response.header("X-Request-ID")).isEqualTo("checkout-42.a_b");
  }

  @Test
  void requestWithoutAnIdGetsAFreshUuid() {
    HttpProbe.Response response = http.get("/api/ping");

    assertThat(response.header("X-Request-ID")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  @Test
  void requestIdWithUnsafeCharactersIsReplaced() {
    HttpProbe.Response response = http.get("/api/ping", "X-Request-ID", "abc\"<script>");

    assertThat(response.header("X-Request-ID")).isNotEqualTo("abc\"<script>").hasSize(36);
  }

  @Test
  void requestIdLongerThan128CharactersIsReplaced() {
    String tooLong = "a".repeat(129);

    HttpProbe.Response response = http.get("/api/ping", "X-Request-ID", tooLong);

    assertThat(response.header("X-Request-ID")).isNotEqualTo(tooLong).hasSize(36);
  }

  @Test
  void requestLineCarriesTheRequestIdInMdcAndKeyValues() {
    http.get("/api/ping", "X-Request-ID", "req-7");

    ILoggingEvent line = requestLine();
    assertThat(line.getLevel()).isEqualTo(Level.INFO);
    assertThat(line.getMDCPropertyMap()).containsEntry("request_id", "req-7");
    assertThat(CapturedLogs.keyValue(line, "request_id")).isEqualTo("req-7");
  }

  @Test
  void requestLineNamesMethodRouteStatusAndDuration() {
    http.get("/api/ping");

    ILoggingEvent line = requestLine();
    assertThat(CapturedLogs.keyValue(line, "method")).isEqualTo("GET");
    assertThat(CapturedLogs.keyValue(line, "route")).isEqualTo("/api/ping");
    assertThat(CapturedLogs.keyValue(line, "status_code")).isEqualTo(200);
    assertThat(CapturedLogs.keyValue(line, "duration_ms")).isInstanceOf(Double.class);
  }

  @Test
  void routeIsTheTemplateNeverTheRawPathOrQuery() {
    http.get("/api/reports/0c4f2f8e-aaaa-bbbb-cccc-1234567890ab?month=2026-10");

    assertThat(CapturedLogs.keyValue(requestLine(), "route")).isEqualTo("/api/reports/{id}");
  }

  @Test
  void unmatchedPathIsLoggedAsUnmatched() {
    HttpProbe.Response response = http.get("/no/such/path/secret-path-segment");

    assertThat(response.status()).isEqualTo(404);
    assertThat(CapturedLogs.keyValue(requestLine(), "route")).isEqualTo("unmatched");
  }

  @Test
  void callersTraceparentBecomesTheRequestLinesTraceId() {
    http.get("/api/ping", "traceparent", TRACEPARENT);

    assertThat(CapturedLogs.keyValue(requestLine(), "trace_id")).isEqualTo(CALLER_TRACE_ID);
  }

  @Test
  void withoutTraceparentTheRequestLineStillHasAValidTraceId() {
    http.get("/api/ping");

    Object traceId = CapturedLogs.keyValue(requestLine(), "trace_id");
    assertThat(TraceId.isValid((String) traceId)).isTrue();
  }

  @Test
  void malformedTraceparentIsIgnoredForAFreshTraceId() {
    http.get("/api/ping", "traceparent", "00-not-a-trace-01");

    Object traceId = CapturedLogs.keyValue(requestLine(), "trace_id");
    assertThat(TraceId.isValid((String) traceId)).isTrue();
  }

  @Test
  void secretsInHeadersQueryStringsAndBodiesNeverReachTheLogs() {
    http.get(
        "/api/reports/summary?month=2026-10&token=tok-QUERY-5a5a5a",
        "Authorization", "Bearer hdr-BEARER-6b6b6b",
        "Cookie", "session=cookie-SESSION-7c7c7c");
    http.post(
        "/api/statements",
        "{\"password\":\"body-PASSWORD-8d8d8d\"}".getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/json",
        "X-Api-Key", "hdr-APIKEY-9e9e9e");

    String everything = logs.stdout() + "\n" + logs.allEventText();
    assertThat(logs.withMessage(RequestLog.MESSAGE)).hasSize(2);
    assertThat(logs.stdout()).as("stdout was captured").contains(RequestLog.MESSAGE);
    for (String secret :
        List.of("tok-QUERY-5a5a5a", "hdr-BEARER-6b6b6b", "cookie-SESSION-7c7c7c", "body-PASSWORD-8d8d8d", "hdr-APIKEY-9e9e9e")) {
      assertThat(everything).doesNotContain(secret);
    }
  }

  @Test
  void endpointWhoseDependencyIsNotConfiguredAnswers503WithTheRequestId() {
    HttpProbe.Response response = http.get("/api/reports/summary?month=2026-10", "X-Request-ID", "r-503");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.json().path("detail").asText()).isEqualTo("database is not configured");
    assertThat(response.json().path("request_id").asText()).isEqualTo("r-503");
  }
}
