package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.SilentCollector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shutdown flushes for a bounded time and says what it could not deliver. */
class OtlpShutdownTest {
  // Generous: the bound under test is the shutdown timeout, the margin absorbs a slow machine.
  private static final Duration MARGIN = Duration.ofSeconds(3);

  @Test
  void shutdownDeliversWhatIsQueued() {
    try (OtlpTestReceiver receiver = OtlpTestReceiver.start();
        ExportFixture fixture =
            ExportFixture.exportingTo(
                receiver.baseEndpoint(), "OTEL_BLRP_SCHEDULE_DELAY", "60000")) {
      for (int i = 0; i < 3; i++) {
        fixture.logger("app").info("line {}", i);
      }

      long undelivered = fixture.export().shutdown(Duration.ofSeconds(10));

      assertThat(undelivered).isZero();
      assertThat(receiver.recordCount()).isEqualTo(3);
    }
  }

  @Test
  void shutdownAgainstAHangingCollectorGivesUpInTime() {
    try (SilentCollector collector = SilentCollector.start();
        ExportFixture fixture =
            ExportFixture.exportingTo(
                collector.baseEndpoint(), "OTEL_EXPORTER_OTLP_TIMEOUT", "60000")) {
      fixture.logger("app").info("stuck");
      Duration timeout = Duration.ofSeconds(1);

      long started = System.nanoTime();
      fixture.export().shutdown(timeout);

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(timeout.plus(MARGIN));
    }
  }

  @Test
  void shutdownAgainstAHangingCollectorReportsTheUndeliveredCount() {
    try (SilentCollector collector = SilentCollector.start();
        ExportFixture fixture =
            ExportFixture.exportingTo(
                collector.baseEndpoint(), "OTEL_EXPORTER_OTLP_TIMEOUT", "60000")) {
      for (int i = 0; i < 3; i++) {
        fixture.logger("app").info("stuck {}", i);
      }

      long undelivered = fixture.export().shutdown(Duration.ofSeconds(1));

      assertThat(undelivered).isEqualTo(3);
      assertThat(fixture.stdoutLines())
          .anyMatch(line -> line.contains("3 log record(s) were not delivered"));
    }
  }

  @Test
  void hangingCollectorDoesNotDelayTheEndOfMain() throws Exception {
    try (SilentCollector collector = SilentCollector.start()) {
      ChildRun run =
          runExportingMain(
              "OTEL_EXPORTER_OTLP_ENDPOINT=" + collector.baseEndpoint(),
              // Without the shutdown bound the JVM would wait for this request timeout.
              "OTEL_EXPORTER_OTLP_TIMEOUT=60000",
              "OBSERVABILITY_SHUTDOWN_TIMEOUT=1000");

      assertThat(run.output()).contains("main returned").contains("were not delivered");
      assertThat(run.duration()).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void unreachableCollectorDoesNotDelayTheEndOfMain() throws Exception {
    ChildRun run =
        runExportingMain(
            "OTEL_EXPORTER_OTLP_ENDPOINT=" + ExportFixture.refusingEndpoint(),
            "OBSERVABILITY_SHUTDOWN_TIMEOUT=1000");

    assertThat(run.output()).contains("main returned");
    assertThat(run.duration()).isLessThan(Duration.ofSeconds(20));
  }

  private record ChildRun(String output, Duration duration) {}

  private static ChildRun runExportingMain(String... environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ExportingMain.class.getName());
    command.addAll(List.of(environment));
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not exit within 60 s");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new ChildRun(output, took);
  }
}
