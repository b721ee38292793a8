package com.financereport.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.cli.CliRun;
import com.financereport.cli.fakes.FakeHttpServer;
import com.financereport.cli.fakes.FakeOtlpReceiver;
import com.financereport.cli.fakes.FakeResponse;
import com.financereport.cli.fakes.FakeServiceHealth;
import com.financereport.cli.fakes.FakeSignoz;
import com.financereport.cli.fakes.LogRow;
import com.financereport.cli.fakes.SpanRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** obs verify against a /health server, a real OTLP receiver and a fake SigNoz reading what it received. */
class VerifyCommandTest {
  private static final String SHA = "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39";

  private final FakeServiceHealth service = new FakeServiceHealth();
  private final FakeOtlpReceiver collector = new FakeOtlpReceiver();
  private final Map<String, String> env = new HashMap<>();
  private FakeSignoz signoz = signozOf("v0.132.2");

  @AfterEach
  void stop() {
    service.close();
    collector.close();
    signoz.close();
  }

  private FakeSignoz signozOf(String version) {
    FakeSignoz fake = new FakeSignoz(version);
    fake.logsFrom(collector::rows);
    fake.spansFrom(collector::spans);
    env.put("SIGNOZ_API_KEY", fake.issueKey("VIEWER", "verify-reader"));
    return fake;
  }

  private CliRun verify(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify",
                "--base-url", service.baseUri().toString(),
                "--expected-sha", SHA.substring(0, 7),
                "--environment", "production",
                "--service", "finance-report-backend",
                "--signoz-url", signoz.baseUri().toString(),
                "--otlp-endpoint", collector.baseUri().toString(),
                "--timeout", "5s",
                "--poll-attempts", "2",
                "--poll-interval", "50ms"));
    args.addAll(List.of(extra));
    return CliRun.run(Path.of("."), env, args.toArray(String[]::new));
  }

  @Test
  void healthyDeployWhoseCanaryArrivesPasses() {
    CliRun run = verify();
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).containsPattern("canary in signoz\\s+OK\\s+found through /api/v5/query_range");
  }

  @Test
  void canaryCarriesTheServiceResourceAndAUniqueId() {
    verify();
    LogRow canary = collector.rows().get(0);
    assertThat(canary.resources())
        .containsEntry("service.name", "finance-report-backend")
        .containsEntry("deployment.environment", "production");
    assertThat(canary.attributes().get("obs.canary.id")).startsWith("obs-verify-");
  }

  @Test
  void everyRunSendsADifferentCanaryId() {
    verify();
    verify();
    assertThat(collector.rows()).extracting(r -> r.attributes().get("obs.canary.id")).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void notConfiguredDependencyIsReportedNotFailed() {
    CliRun run = verify();
    assertThat(run.out()).containsPattern("check s3\\s+SKIPPED\\s+not configured");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void dependencyThatIsDownFails() {
    service.check("database", "down").status(503);
    CliRun run = verify();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("check database\\s+FAIL\\s+down").containsPattern("health\\s+FAIL\\s+503");
  }

  @Test
  void degradedTelemetryFails() {
    service.check("telemetry", "degraded");
    CliRun run = verify();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("check telemetry\\s+FAIL\\s+degraded");
  }

  @Test
  void anotherCommitFails() {
    service.gitSha("0000000aaaaaaa");
    CliRun run = verify();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("git sha\\s+FAIL\\s+reported 0000000aaaaaaa, expected 3f2a9c1");
  }

  @Test
  void shortShaPrefixMatches() {
    assertThat(verify().out()).containsPattern("git sha\\s+OK");
  }

  @Test
  void disabledLogExportFailsWithItsReason() {
    service.logsExportEnabled(false);
    CliRun run = verify();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("log export\\s+FAIL\\s+disabled: no endpoint configured");
  }

  @Test
  void serviceInAnotherEnvironmentFails() {
    service.environment("staging");
    CliRun run = verify();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("environment\\s+FAIL\\s+reported staging, expected production");
  }

  @Test
  void withoutApiKeyIngestionIsNotProvenAndTheRunFails() {
    env.remove("SIGNOZ_API_KEY");
    CliRun run = verify();
    assertThat(run.exitCode()).as("a run that never looked for the canary must not pass").isEqualTo(1);
    assertThat(run.out())
        .containsPattern("canary in signoz\\s+SKIPPED\\s+SIGNOZ_API_KEY is not set")
        .contains("FAIL not proven: canary in signoz SKIPPED")
        .doesNotContain("PASS");
  }

  @Test
  void allowSkipPassesAnUnprovenRunAndSaysSo() {
    env.remove("SIGNOZ_API_KEY");
    CliRun run = verify("--allow-skip");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("PASS without proof (--allow-skip): canary in signoz SKIPPED");
  }

  @Test
  void allowSkipDoesNotPassAFailure() {
    service.check("database", "down").status(503);
    CliRun run = verify("--allow-skip");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void theOutputSaysWhatWasProven() {
    CliRun run = verify();
    assertThat(run.out())
        .containsPattern("proven: health, .*canary sent, canary in signoz")
        .contains("not proven: check s3")
        .contains("PASS");
  }

  @Test
  void jsonSaysWhetherIngestionWasProven() throws Exception {
    env.remove("SIGNOZ_API_KEY");
    JsonNode json = new ObjectMapper().readTree(verify("--json").out());
    assertThat(json.get("proven").asBoolean()).isFalse();
    assertThat(json.get("ok").asBoolean()).isFalse();
  }

  @Test
  void aBaseUrlWithoutSchemeIsAOneLineUsageError() {
    CliRun run =
        CliRun.run(Path.of("."), env, "verify", "--base-url", "localhost:18000", "--environment", "production", "--service", "s");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("obs: --base-url must be an http:// or https:// URL with a host, such as http://localhost:18000 (got localhost:18000)");
  }

  @Test
  void aMissingRequiredOptionIsAOneLineUsageError() {
    CliRun run = CliRun.run(Path.of("."), env, "verify", "--environment", "production", "--service", "s");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("obs: Missing required option").doesNotContain("\n");
  }

  @Test
  void theCanaryIsSentOnceWithoutRetries() {
    collector.failNextExport(503);
    CliRun run = verify();
    assertThat(run.out()).containsPattern("canary sent\\s+FAIL\\s+export to \\S+ failed in one attempt \\(no retries\\)");
    assertThat(collector.server().requests().stream().filter(r -> r.method().equals("POST")).count())
        .as("export POSTs for one canary answered 503 (retryable): the SDK must not retry")
        .isEqualTo(1);
  }

  @Test
  void exportsFailingAtTheServiceFailTheLogExportCheck() {
    service.exportFailing(72, 3, "java.net.ConnectException");
    CliRun run = verify();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("log export\\s+FAIL\\s+failing: the last 3 export attempt\\(s\\) failed \\(java.net.ConnectException\\)")
        .contains("records in failed export attempts (counted once per attempt) 72")
        .doesNotContainPattern("log export\\s+OK");
  }

  @Test
  void exportFiguresSayWhatTheyCount() {
    assertThat(verify().out())
        .containsPattern("log export\\s+OK\\s+enabled and succeeding; records accepted by the collector 1204, records in failed export attempts \\(counted once per attempt\\) 0");
  }

  @Test
  void olderSignozWithoutV5IsQueriedThroughV4() {
    signoz.close();
    signoz = signozOf("v0.80.0");
    CliRun run = verify();
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("found through /api/v4/query_range");
  }

  @Test
  void canaryThatNeverArrivesFailsAfterPolling() {
    signoz.logsFrom(List::of);
    CliRun run = verify();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("canary in signoz\\s+FAIL\\s+id obs-verify-\\S+ not found after 2 attempt\\(s\\)");
  }

  @Test
  void collectorAnswering405IsReachable() {
    assertThat(verify().out()).containsPattern("collector otlp\\s+OK\\s+GET /v1/logs answered 405");
  }

  @Test
  void unreachableCollectorFailsTheProbeAndTheCanary() {
    FakeHttpServer closed = new FakeHttpServer(r -> FakeResponse.empty(200));
    String deadEndpoint = closed.baseUri().toString();
    closed.close();
    CliRun run = verify("--otlp-endpoint", deadEndpoint);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("collector otlp\\s+FAIL").containsPattern("canary sent\\s+FAIL");
  }

  @Test
  void collectorRejectingTheCanaryFails() {
    collector.failNextExport(400);
    CliRun run = verify();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("canary sent\\s+FAIL").containsPattern("canary in signoz\\s+SKIPPED\\s+no canary was sent");
  }

  @Test
  void collectorHealthEndpointIsChecked() {
    try (FakeHttpServer health = new FakeHttpServer(r -> FakeResponse.json(200, Map.of("status", "Server available")))) {
      CliRun run = verify("--collector-health-url", health.baseUri() + "/");
      assertThat(run.out()).containsPattern("collector health\\s+OK");
    }
  }

  @Test
  void jsonOutputListsEveryCheckWithItsStatus() throws Exception {
    CliRun run = verify("--json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("ok").asBoolean()).isTrue();
    List<String> names = new ArrayList<>();
    json.get("checks").forEach(c -> names.add(c.get("name").asText() + "=" + c.get("status").asText()));
    assertThat(names).contains("health=OK", "check s3=SKIPPED", "canary sent=OK", "canary in signoz=OK");
  }

  // ---- --trace: the canary span ------------------------------------------------------------

  @Test
  void traceCanaryThatArrivesPasses() {
    CliRun run = verify("--trace");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .containsPattern("canary trace sent\\s+OK\\s+id obs-verify-\\S+ accepted by \\S+/v1/traces")
        .containsPattern("canary trace in signoz\\s+OK\\s+found through /api/v5/query_range after 1 attempt\\(s\\)")
        .containsPattern("proven: .*canary in signoz, canary trace in signoz");
  }

  @Test
  void canarySpanCarriesTheLogCanarysResourceAndId() {
    verify("--trace");
    SpanRow span = collector.spans().get(0);
    assertThat(span.resources())
        .containsEntry("service.name", "finance-report-backend")
        .containsEntry("deployment.environment", "production");
    assertThat(span.name()).isEqualTo("obs-verify-canary");
    assertThat(span.kind()).as("a canary must not count as a request the service served").isEqualTo("SPAN_KIND_INTERNAL");
    assertThat(span.attributes().get("obs.canary.id")).isEqualTo(collector.rows().get(0).attributes().get("obs.canary.id"));
  }

  @Test
  void withoutTraceNoSpanIsSentAndNoTraceIsChecked() {
    CliRun run = verify();
    assertThat(collector.spans()).isEmpty();
    assertThat(run.out()).doesNotContain("canary trace").doesNotContain("trace export");
  }

  @Test
  void traceThatNeverArrivesFailsAfterPolling() {
    signoz.spansFrom(List::of);
    CliRun run = verify("--trace");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("canary trace in signoz\\s+FAIL\\s+id obs-verify-\\S+ not found after 2 attempt\\(s\\)")
        .containsPattern("canary in signoz\\s+OK");
    assertThat(signoz.v5Queries("traces")).as("trace lookups made before giving up (--poll-attempts 2)").isEqualTo(2);
  }

  @Test
  void withoutApiKeyTheTraceIsNotProvenAndTheRunFails() {
    env.remove("SIGNOZ_API_KEY");
    CliRun run = verify("--trace");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("canary trace in signoz\\s+SKIPPED\\s+SIGNOZ_API_KEY is not set")
        .contains("FAIL not proven: canary in signoz SKIPPED: SIGNOZ_API_KEY is not set; canary trace in signoz SKIPPED");
  }

  @Test
  void allowSkipPassesAnUnprovenTraceAndSaysSo() {
    env.remove("SIGNOZ_API_KEY");
    CliRun run = verify("--trace", "--allow-skip");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("canary trace in signoz\\s+SKIPPED")
        .containsPattern("PASS without proof \\(--allow-skip\\): .*canary trace in signoz SKIPPED: SIGNOZ_API_KEY is not set");
  }

  @Test
  void aBareCanaryTimeoutWithTraceIsAUsageError() {
    CliRun run = verify("--trace", "--canary-timeout", "5");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("obs: ").doesNotContain("\n");
    assertThat(collector.spans()).as("nothing is sent on a usage error").isEmpty();
  }

  @Test
  void theCanarySpanIsSentOnceWithoutRetries() {
    collector.failNextSpanExport(503);
    CliRun run = verify("--trace");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("canary trace sent\\s+FAIL\\s+export to \\S+/v1/traces failed in one attempt \\(no retries\\)")
        .containsPattern("canary trace in signoz\\s+SKIPPED\\s+no canary was sent");
    assertThat(collector.server().requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/v1/traces")).count())
        .as("span export POSTs for one canary answered 503 (retryable): the SDK must not retry")
        .isEqualTo(1);
  }

  @Test
  void traceExportReportedByHealthIsChecked() {
    assertThat(verify("--trace").out())
        .containsPattern("trace export\\s+OK\\s+enabled to http://collector:4318/v1/traces; spans accepted by the collector 310");
  }

  @Test
  void tracesOffAtTheServiceFailWithTheirReason() {
    service.tracesOff("OTEL_TRACES_EXPORTER is not otlp (opt-in)");
    CliRun run = verify("--trace");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("trace export\\s+FAIL\\s+disabled: OTEL_TRACES_EXPORTER is not otlp \\(opt-in\\)");
  }

  @Test
  void spanExportThatNeverSucceededFails() {
    service.tracesNeverExported("HTTP 503");
    CliRun run = verify("--trace");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("trace export\\s+FAIL\\s+failing: no span exported yet, last error HTTP 503");
  }

  @Test
  void jsonNamesBothProofs() throws Exception {
    JsonNode json = new ObjectMapper().readTree(verify("--trace", "--json").out());
    assertThat(json.get("proof").toString()).isEqualTo("[\"canary in signoz\",\"canary trace in signoz\"]");
    assertThat(json.get("proven").asBoolean()).isTrue();
  }
}
