package com.financereport.cli.signoz;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.cli.CliRun;
import com.financereport.cli.fakes.FakeHttpServer;
import com.financereport.cli.fakes.FakeOtlpReceiver;
import com.financereport.cli.fakes.FakeResponse;
import com.financereport.cli.fakes.FakeSignoz;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignozStatusCommandTest {
  private final FakeSignoz signoz = new FakeSignoz("v0.118.3");
  private final FakeOtlpReceiver collector = new FakeOtlpReceiver();
  private final FakeHttpServer collectorHealth =
      new FakeHttpServer(r -> FakeResponse.json(200, Map.of("status", "Server available")));

  @AfterEach
  void stop() {
    signoz.close();
    collector.close();
    collectorHealth.close();
  }

  private CliRun status(String... extra) {
    String[] args = new String[4 + extra.length];
    System.arraycopy(new String[] {"signoz", "status", "--url", signoz.baseUri().toString()}, 0, args, 0, 4);
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.run(Path.of("."), Map.of(), args);
  }

  @Test
  void healthySignozAndCollectorPass() {
    CliRun run =
        status("--collector-health-url", collectorHealth.baseUri() + "/", "--otlp-endpoint", collector.baseUri().toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .containsPattern("signoz health\\s+OK")
        .containsPattern("signoz version\\s+OK\\s+v0.118.3 \\(API keys: service accounts\\)")
        .containsPattern("collector health\\s+OK")
        .containsPattern("collector otlp\\s+OK\\s+GET /v1/logs answered 405");
  }

  @Test
  void unconfiguredCollectorChecksAreSkipped() {
    CliRun run = status();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("collector health\\s+SKIPPED").containsPattern("collector otlp\\s+SKIPPED");
  }

  @Test
  void failingSignozHealthIsOneLineWithItsMessage() {
    signoz.failNext("GET", "/api/v1/health", 503, "clickhouse unreachable");
    CliRun run = status();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("signoz health\\s+FAIL\\s+SigNoz GET /api/v1/health failed: HTTP 503 internal: clickhouse unreachable");
  }

  @Test
  void endpointThatIsNotAnOtlpReceiverFails() {
    CliRun run = status("--otlp-endpoint", collectorHealth.baseUri().toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("collector otlp\\s+FAIL\\s+GET \\S+ answered 200, expected 405");
  }

  @Test
  void collectorChecksRunWithoutSignozUrlOrCredentials() {
    CliRun run =
        CliRun.run(
            Path.of("."),
            Map.of(),
            "signoz", "status",
            "--otlp-endpoint", collector.baseUri().toString(),
            "--collector-health-url", collectorHealth.baseUri() + "/");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .containsPattern("signoz\\s+SKIPPED\\s+no --url given")
        .containsPattern("collector health\\s+OK")
        .containsPattern("collector otlp\\s+OK");
    assertThat(signoz.server().requests()).as("SigNoz is not contacted").isEmpty();
  }

  @Test
  void withNothingToCheckItIsAUsageError() {
    CliRun run = CliRun.run(Path.of("."), Map.of(), "signoz", "status");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("obs: nothing to check").doesNotContain("\n");
  }
}
