package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.SilentCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Export never blocks or fails start-up, and does not exist at all when it is off. */
class OtlpStartupTest {

  /** Export threads alive now, by identity: earlier tests' threads may still be ending. */
  private static List<Thread> exportThreads() {
    List<Thread> threads = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (name.startsWith("otlp-") || name.contains("BatchLogRecordProcessor")) {
        threads.add(thread);
      }
    }
    return threads;
  }

  @Test
  void withoutAnEndpointNothingIsCreated() {
    List<Thread> threadsBefore = exportThreads();
    try (ExportFixture fixture = ExportFixture.withEnvironment("ENVIRONMENT", "development")) {
      fixture.logger("app").info("stdout only");

      assertThat(fixture.export).isEmpty();
      Logger root = fixture.logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      assertThat(root.getAppender("otlp")).isNull();
      assertThat(fixture.context.getTurboFilterList()).isEmpty();
      assertThat(threadsBefore).containsAll(exportThreads()); // none started, some may have ended
      assertThat(fixture.runtime.exportStatus().enabled()).isFalse();
    }
  }

  @Test
  void sdkDisabledCreatesNothing() {
    try (ExportFixture fixture =
        ExportFixture.withEnvironment(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318", "OTEL_SDK_DISABLED", "true")) {
      assertThat(fixture.export).isEmpty();
      assertThat(fixture.context.getTurboFilterList()).isEmpty();
    }
  }

  @Test
  void environmentMismatchLeavesExportOff() {
    try (ExportFixture fixture =
        ExportFixture.withEnvironment(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
            "ENVIRONMENT", "production",
            "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=staging")) {
      assertThat(fixture.runtime.settings().errors()).isNotEmpty();
      assertThat(fixture.export).isEmpty();
      assertThat(fixture.logger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("otlp")).isNull();
      assertThat(fixture.runtime.exportStatus().enabled()).isFalse();
    }
  }

  @Test
  void unreachableCollectorStillLetsTheFirstLineThrough() {
    try (ExportFixture fixture = ExportFixture.exportingTo(ExportFixture.refusingEndpoint())) {
      fixture.logger("app").info("first line");

      assertThat(fixture.export().status().enabled()).isTrue();
      assertThat(fixture.stdoutLines()).anyMatch(line -> line.contains("first line"));
    }
  }

  @Test
  void hangingCollectorDoesNotDelayStartup() {
    try (SilentCollector collector = SilentCollector.start()) {
      try (ExportFixture fixture = ExportFixture.exportingTo(collector.baseEndpoint())) {
        fixture.logger("app").info("first line");

        // The collector never answers, so a start-up that waited for it would still be waiting:
        // the probe is, on its own thread, while the application has logged its first line.
        assertThat(fixture.stdoutLines()).anyMatch(line -> line.contains("first line"));
        assertThat(Thread.getAllStackTraces().keySet())
            .as("the start-up probe still waits for the silent collector")
            .anyMatch(t -> t.getName().equals("otlp-collector-probe") && t.isAlive());
        assertThat(fixture.export().status().delivery().endpointReachable()).isNull();
      }
    }
  }

  @Test
  void collectorAnsweringTheProbeIsReachable() {
    try (OtlpTestReceiver receiver = OtlpTestReceiver.start();
        ExportFixture fixture = ExportFixture.exportingTo(receiver.baseEndpoint())) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Boolean.TRUE.equals(fixture.export().status().delivery().endpointReachable()));

      assertThat(receiver.requests()).anyMatch(r -> r.method().equals("GET") && r.status() == 405);
    }
  }

  @Test
  void unreachableCollectorIsOneWarningWithoutCredentials() {
    String endpoint =
        ExportFixture.refusingEndpoint().replace("http://", "http://probeuser:pa55word@");
    try (ExportFixture fixture = ExportFixture.exportingTo(endpoint)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Boolean.FALSE.equals(fixture.export().status().delivery().endpointReachable()));

      assertThat(fixture.stdoutLines())
          .filteredOn(line -> line.contains("is not reachable"))
          .singleElement()
          .satisfies(line -> assertThat(line).contains("ConnectException").doesNotContain("pa55word"));
    }
  }
}
