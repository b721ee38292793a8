package com.financereport.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.financereport.backend.FinanceReportBackend;
import com.financereport.backend.RunningBackend;
import com.financereport.backend.settings.BackendSettings;
import com.financereport.backend.support.CapturedLogs;
import com.financereport.backend.support.HttpProbe;
import com.financereport.backend.support.TestEnvironment;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.ReceivedMetric;
import com.financereport.observability.otlp.testing.ReceivedSpan;
import com.financereport.observability.settings.ObservabilitySettings;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With traces and metrics on, a request is a real SERVER span, and its logs point at it. */
class RequestTracingTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

  private final OtlpTestReceiver receiver = OtlpTestReceiver.start();
  private CapturedLogs logs;
  private ObservabilityRuntime runtime;
  private RunningBackend backend;
  private HttpProbe http;

  @AfterEach
  void stop() {
    if (backend != null) {
      backend.close();
    }
    if (runtime != null) {
      runtime.shutdown(Duration.ofSeconds(5));
      Observability.install(ObservabilityRuntime.create(ObservabilitySettings.fromSystemEnvironment()));
    }
    if (logs != null) {
      logs.close();
    }
    receiver.close();
  }

  private void start(String... extra) {
    Map<String, String> env = new HashMap<>(TestEnvironment.bare());
    env.put("DATABASE_URL", TestEnvironment.databaseUrl());
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint());
    env.put("OTEL_LOGS_EXPORTER", "none");
    env.put("OTEL_TRACES_EXPORTER", "otlp");
    env.put("OTEL_BSP_SCHEDULE_DELAY", "50");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    logs = new CapturedLogs();
    runtime = ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(env));
    // Client spans, like any instrumented call, use the process's runtime.
    Observability.install(runtime);
    backend = FinanceReportBackend.start(BackendSettings.fromEnvironment(env), runtime);
    http = new HttpProbe(backend.port());
  }

  private ReceivedSpan serverSpan() {
    return receiver.awaitSpans(1, WAIT).stream()
        .filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no SERVER span among " + receiver.spans()));
  }

  private ILoggingEvent requestLine() {
    List<ILoggingEvent> lines = logs.withMessage(RequestLog.MESSAGE);
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  @Test
  void aRequestIsOneServerSpanWithTheHttpSemanticConventions() {
    start();
    http.get("/api/ping?token=query-secret");

    ReceivedSpan span = serverSpan();
    assertThat(span.name()).isEqualTo("GET /api/ping");
    assertThat(span.attributes().get("http.request.method").getStringValue()).isEqualTo("GET");
    assertThat(span.attributes().get("http.route").getStringValue()).isEqualTo("/api/ping");
    assertThat(span.attributes().get("url.path").getStringValue()).isEqualTo("/api/ping");
    assertThat(span.attributes().get("http.response.status_code").getIntValue()).isEqualTo(200);
    assertThat(span.span().toString()).doesNotContain("query-secret");
  }

  @Test
  void theRequestLineCarriesTheServerSpansTraceId() {
    start();
    http.get("/api/ping");

    assertThat(CapturedLogs.keyValue(requestLine(), "trace_id")).isEqualTo(serverSpan().traceId());
  }

  @Test
  void anIncomingTraceparentIsTheParentOfTheServerSpan() {
    start();
    http.get("/api/ping", "traceparent", TRACEPARENT);

    ReceivedSpan span = serverSpan();
    assertThat(span.traceId()).isEqualTo(CALLER_TRACE_ID);
    assertThat(span.parentSpanId()).isEqualTo(CALLER_SPAN_ID);
  }

  @Test
  void theResponseCarriesTheServerSpansTraceparent() {
    start();
    HttpProbe.Response response = http.get("/api/ping", "traceparent", TRACEPARENT);

    ReceivedSpan span = serverSpan();
    assertThat(response.header("traceparent")).isEqualTo("00-" + CALLER_TRACE_ID + "-" + span.spanId() + "-01");
  }

  @Test
  void aDatabaseQueryIsAClientSpanUnderTheServerSpan() {
    start();
    HttpProbe.Response response = http.get("/api/reports/summary?month=2026-10");
    assertThat(response.status()).isEqualTo(200);

    List<ReceivedSpan> spans = receiver.awaitSpans(2, WAIT);
    ReceivedSpan server = serverSpan();
    ReceivedSpan client =
        spans.stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_CLIENT).findFirst().orElseThrow();
    assertThat(client.parentSpanId()).isEqualTo(server.spanId());
    assertThat(client.traceId()).isEqualTo(server.traceId());
    assertThat(client.attributes().get("db.system").getStringValue()).isEqualTo("postgresql");
    assertThat(client.attributes().get("db.operation").getStringValue()).isEqualTo("SELECT");
    assertThat(client.span().toString()).doesNotContain("2026-10");
  }

  @Test
  void aFailedRequestMarksItsSpanWithTheErrorType() {
    start("DATABASE_URL", "postgresql://127.0.0.1:1/none");
    HttpProbe.Response response = http.get("/api/reports/summary?month=2026-10");

    ReceivedSpan span = serverSpan();
    assertThat(span.attributes().get("http.response.status_code").getIntValue()).isEqualTo(response.status());
    assertThat(span.attributes().get("error.type").getStringValue()).isEqualTo(Integer.toString(response.status()));
  }

  @Test
  void atRatioZeroNoSpanIsRecordedButTheLogsKeepOneTraceId() {
    start("OTEL_TRACES_SAMPLER", "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0");
    HttpProbe.Response response = http.get("/api/ping");
    backend.close();
    backend = null;
    runtime.shutdown(Duration.ofSeconds(5)); // every span there is has been exported by now

    assertThat(receiver.spans()).isEmpty();
    String traceparent = response.header("traceparent");
    int flags = Integer.parseInt(traceparent.substring(traceparent.lastIndexOf('-') + 1), 16);
    assertThat(flags & 1).as("the sampled flag of %s", traceparent).isZero();
    assertThat(CapturedLogs.keyValue(requestLine(), "trace_id")).isEqualTo(traceparent.split("-")[1]);
  }

  @Test
  void eachRequestIsAPointOfTheRequestDurationHistogram() {
    start("OTEL_METRICS_EXPORTER", "otlp", "OTEL_METRIC_EXPORT_INTERVAL", "100");
    http.get("/api/ping");

    ReceivedMetric duration =
        receiver.awaitMetric("http.server.request.duration", WAIT).stream()
            .filter(m -> m.name().equals("http.server.request.duration"))
            .filter(m -> m.metric().getHistogram().getDataPointsCount() > 0)
            .findFirst()
            .orElseThrow();
    var point = duration.metric().getHistogram().getDataPoints(0);
    assertThat(duration.metric().getUnit()).isEqualTo("s");
    assertThat(point.getExplicitBoundsList()).startsWith(0.005, 0.01, 0.025);
    assertThat(point.getAttributesList())
        .anyMatch(kv -> kv.getKey().equals("http.route") && kv.getValue().getStringValue().equals("/api/ping"))
        .anyMatch(kv -> kv.getKey().equals("http.response.status_code") && kv.getValue().getIntValue() == 200);
    assertThat(duration.resourceAttribute("service.name")).isEqualTo(runtime.settings().serviceName());
  }
}
