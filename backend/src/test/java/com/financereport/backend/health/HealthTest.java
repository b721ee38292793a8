package com.financereport.backend.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.backend.FinanceReportBackend;
import com.financereport.backend.RunningBackend;
import com.financereport.backend.settings.BackendSettings;
import com.financereport.backend.support.HangingServer;
import com.financereport.backend.support.HttpProbe;
import com.financereport.backend.support.Ports;
import com.financereport.backend.support.S3ProxyServer;
import com.financereport.backend.support.TestEnvironment;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.status.ExportStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTest {
  private static final String BUCKET = "health-statements";

  private S3ProxyServer s3;

  @BeforeAll
  void startS3() throws Exception {
    s3 = S3ProxyServer.start();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  void stopS3() throws Exception {
    s3.close();
  }

  private static HttpProbe.Response health(Map<String, String> env) {
    return health(env, ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(env)));
  }

  private static HttpProbe.Response health(Map<String, String> env, ObservabilityRuntime runtime) {
    BackendSettings settings = BackendSettings.fromEnvironment(env);
    Duration budget = settings.healthCheckTimeout().plusSeconds(3);
    try (RunningBackend backend = FinanceReportBackend.start(settings, runtime)) {
      return new HttpProbe(backend.port()).timeout(budget).get("/health");
    }
  }

  @Test
  void everyConfiguredDependencyUpAnswers200() {
    HttpProbe.Response response = health(TestEnvironment.full(s3, BUCKET));

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("status").asText()).isEqualTo("ok");
    for (String check : new String[] {"database", "redis", "s3"}) {
      assertThat(body.path("checks").path(check).path("status").asText()).as(check).isEqualTo("up");
      assertThat(body.path("checks").path(check).path("latency_ms").isNumber()).as(check).isTrue();
    }
  }

  @Test
  void nothingConfiguredAnswers200WithEveryCheckNotConfigured() {
    HttpProbe.Response response = health(TestEnvironment.bare());

    assertThat(response.status()).isEqualTo(200);
    JsonNode checks = response.json().path("checks");
    assertThat(checks.size()).isEqualTo(4);
    checks.forEach(check -> assertThat(check.path("status").asText()).isEqualTo("not_configured"));
  }

  @Test
  void unreachableDatabaseAnswers503AndSaysDatabaseIsDown() {
    Map<String, String> env = TestEnvironment.full(s3, BUCKET);
    env.put("DATABASE_URL", "postgres://postgres@127.0.0.1:" + Ports.dead() + "/test");

    HttpProbe.Response response = health(env);

    assertThat(response.status()).isEqualTo(503);
    JsonNode checks = response.json().path("checks");
    assertThat(checks.path("database").path("status").asText()).isEqualTo("down");
    assertThat(checks.path("database").path("error").asText()).isNotBlank();
    assertThat(checks.path("redis").path("status").asText()).isEqualTo("up");
    assertThat(checks.path("s3").path("status").asText()).isEqualTo("up");
    assertThat(response.json().path("status").asText()).isEqualTo("unhealthy");
  }

  @Test
  void unreachableRedisAnswers503AndSaysRedisIsDown() {
    Map<String, String> env = TestEnvironment.full(s3, BUCKET);
    env.put("REDIS_URL", "redis://127.0.0.1:" + Ports.dead());

    HttpProbe.Response response = health(env);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.json().path("checks").path("redis").path("status").asText()).isEqualTo("down");
    assertThat(response.json().path("checks").path("database").path("status").asText()).isEqualTo("up");
  }

  @Test
  void unreachableS3Answers503AndSaysS3IsDown() {
    Map<String, String> env = TestEnvironment.full(s3, BUCKET);
    env.put("S3_ENDPOINT", "http://127.0.0.1:" + Ports.dead());

    HttpProbe.Response response = health(env);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.json().path("checks").path("s3").path("status").asText()).isEqualTo("down");
    assertThat(response.json().path("checks").path("redis").path("status").asText()).isEqualTo("up");
  }

  @Test
  void missingBucketAnswers503AndNamesTheBucket() {
    Map<String, String> env = TestEnvironment.full(s3, BUCKET);
    env.put("S3_BUCKET", "no-such-bucket");

    HttpProbe.Response response = health(env);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.json().path("checks").path("s3").path("error").asText())
        .isEqualTo("bucket no-such-bucket does not exist");
  }

  @Test
  void hangingDependenciesStillGetAnAnswerWithinTheBudget() throws Exception {
    try (HangingServer hanging = new HangingServer()) {
      Map<String, String> env = TestEnvironment.bare();
      env.put("DATABASE_URL", "postgres://postgres@127.0.0.1:" + hanging.port() + "/test");
      env.put("REDIS_URL", "redis://127.0.0.1:" + hanging.port());
      env.put("S3_ENDPOINT", "http://127.0.0.1:" + hanging.port());
      env.put("S3_ACCESS_KEY", "a");
      env.put("S3_SECRET_KEY", "b");
      env.put("S3_BUCKET", BUCKET);

      // The probe's own timeout is the budget plus 3 s: an answer at all is the assertion.
      HttpProbe.Response response = health(env);

      assertThat(response.status()).isEqualTo(503);
      JsonNode checks = response.json().path("checks");
      for (String check : new String[] {"database", "redis", "s3"}) {
        assertThat(checks.path(check).path("status").asText()).as(check).isEqualTo("down");
      }
      assertThat(checks.path("database").path("error").asText()).contains("timed out");
    }
  }

  @Test
  void failingTelemetryIsDegradedButNeverTurnsTheAnswerInto503() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + Ports.dead());
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(env));
    runtime.exportStatusSource(
        () ->
            new ExportStatus(
                true,
                new ExportStatus.Queue(12, 2048),
                new ExportStatus.Delivery(
                    0, 12, 0, null, "connection refused", "java.net.ConnectException", 3, false),
                ExportStatus.Spool.NONE,
                ExportStatus.Dropped.NONE));

    HttpProbe.Response response = health(env, runtime);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("status").asText()).isEqualTo("degraded");
    assertThat(response.json().path("checks").path("telemetry").path("status").asText())
        .isEqualTo("degraded");
  }

  @Test
  void healthyTelemetryIsUp() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + Ports.dead());
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(env));
    runtime.exportStatusSource(
        () ->
            new ExportStatus(
                true,
                ExportStatus.Queue.EMPTY,
                new ExportStatus.Delivery(40, 0, 0, Instant.now(), null, null, 0, true),
                ExportStatus.Spool.NONE,
                ExportStatus.Dropped.NONE));

    HttpProbe.Response response = health(env, runtime);

    assertThat(response.json().path("checks").path("telemetry").path("status").asText()).isEqualTo("up");
  }

  @Test
  void bodyCarriesVersionGitShaTimestampAndTheObservabilitySnapshot() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("GIT_COMMIT_SHA", "4f2a9c1");
    env.put("ENVIRONMENT", "pr-47");
    env.put("OTEL_SERVICE_NAME", "finance-report-backend");

    JsonNode body = health(env).json();

    assertThat(body.path("version").asText()).isNotBlank().isNotEqualTo("unknown");
    assertThat(body.path("git_sha").asText()).isEqualTo("4f2a9c1");
    assertThat(Instant.parse(body.path("timestamp").asText())).isNotNull();
    assertThat(body.path("observability").path("deployment_environment").asText()).isEqualTo("pr-47");
    assertThat(body.path("observability").path("service_name").asText()).isEqualTo("finance-report-backend");
  }

  @Test
  void snapshotNeverShowsTheCollectorEndpointOrItsHeaders() {
    Map<String, String> env = TestEnvironment.bare();
    int collectorPort = Ports.dead();
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collectorPort);
    env.put("OTEL_EXPORTER_OTLP_HEADERS", "signoz-ingestion-key=sk-ingest-8f7e6d5c4b3a");

    String body = health(env).body();

    assertThat(body).doesNotContain(String.valueOf(collectorPort)).doesNotContain("sk-ingest-8f7e6d5c4b3a");
  }

  @Test
  void downDatabaseErrorNeverShowsItsPassword() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("DATABASE_URL", "postgres://postgres:pg-Secret-42@127.0.0.1:" + Ports.dead() + "/test");

    HttpProbe.Response response = health(env);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).doesNotContain("pg-Secret-42");
  }

  @Test
  void unexpectedFailureAnswers503WithErrorTypeAndNoStackTrace() {
    Map<String, String> env = TestEnvironment.bare();
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(env));
    // A status source that throws is a bug in the pipeline, not an unreachable collector.
    runtime.exportStatusSource(
        () -> {
          throw new IllegalStateException("export status unavailable");
        });

    HttpProbe.Response response = health(env, runtime);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.json().path("status").asText()).isEqualTo("error");
    assertThat(response.json().path("error_type").asText()).isEqualTo("IllegalStateException");
    assertThat(response.json().path("error").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("at com.financereport");
  }

  @Test
  void apiHealthAnswersLikeHealth() {
    try (RunningBackend backend =
        FinanceReportBackend.start(
            BackendSettings.fromEnvironment(TestEnvironment.bare()),
            ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(Map.of())))) {
      HttpProbe.Response response = new HttpProbe(backend.port()).get("/api/health");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().path("checks").has("telemetry")).isTrue();
    }
  }
}
