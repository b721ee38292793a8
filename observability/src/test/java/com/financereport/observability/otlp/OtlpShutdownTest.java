package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.SilentCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutdown flushes for a bounded time and says what it could not deliver. */
class OtlpShutdownTest {
  // Generous: the bound under test is the shutdown timeout, the margin absorbs a slow machine.
  private static final Duration MARGIN = Duration.ofSeconds(3);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  // Room for the burst on a machine shared by many builds; the old shutdown left about a quarter
  // of it on disk whatever the timeout, since it never replayed the spool before exit.
  private static final Duration BURST_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration CHILD_LIMIT = Duration.ofSeconds(90);

  @TempDir Path temp;

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
  void withoutASpoolAHangingCollectorAtShutdownIsReportedAsUndelivered() {
    try (SilentCollector collector = SilentCollector.start();
        ExportFixture fixture =
            ExportFixture.exportingWithoutSpoolTo(
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
  void recordsOnTheWireToAHangingCollectorAreSpooledAtTheShutdownCutoff() {
    try (SilentCollector collector = SilentCollector.start();
        ExportFixture fixture =
            ExportFixture.exportingTo(
                collector.baseEndpoint(), "OTEL_EXPORTER_OTLP_TIMEOUT", "60000")) {
      for (int i = 0; i < 3; i++) {
        fixture.logger("app").info("stuck {}", i);
      }

      long undelivered = fixture.export().shutdown(Duration.ofSeconds(1));

      assertThat(undelivered).as("records lost").isZero();
      assertThat(fixture.export().status().spool().records()).as("records kept on disk").isEqualTo(3);
      assertThat(fixture.stdoutLines())
          .anyMatch(line -> line.contains("3 log record(s) wait in the disk spool"));
    }
  }

  // The exit of a whole JVM, measured from "main returned" to the end of the process. The bound is
  // the one the library promises: OBSERVABILITY_SHUTDOWN_TIMEOUT plus 1 s.

  @Test
  void aBurstOf20000ToAHealthyCollectorIsDeliveredCompletelyBeforeTheJvmExits() throws Exception {
    try (OtlpTestReceiver receiver = OtlpTestReceiver.start();
        ChildJvm child =
            ChildJvm.start(
                Map.of(),
                "OTEL_EXPORTER_OTLP_ENDPOINT=" + receiver.baseEndpoint(),
                "OBSERVABILITY_SHUTDOWN_TIMEOUT=" + BURST_TIMEOUT.toMillis(),
                "main.count=20000")) {

      Duration exit = child.exitAfterMainReturned(CHILD_LIMIT);

      assertThat(receiver.uniqueBodies()).as("distinct records delivered").isEqualTo(20_000);
      assertThat(exit).as("exit after main returned").isLessThan(BURST_TIMEOUT.plusSeconds(1));
    }
  }

  @Test
  void aRefusingCollectorDoesNotHoldTheJvmPastTheShutdownTimeout() throws Exception {
    try (ChildJvm child = exportingTo(OtlpTestReceiver.refusingBaseEndpoint())) {

      Duration exit = child.exitAfterMainReturned(CHILD_LIMIT);

      assertThat(exit).as("exit after main returned").isLessThan(TIMEOUT.plusSeconds(1));
    }
  }

  @Test
  void whatARefusingCollectorLeftAtExitIsDeliveredByTheNextStart() throws Exception {
    try (ChildJvm first = exportingTo(OtlpTestReceiver.refusingBaseEndpoint())) {
      first.exitAfterMainReturned(CHILD_LIMIT);
    }

    assertThat(deliveredByANextStart()).isEqualTo(2_000);
  }

  @Test
  void aHangingCollectorDoesNotHoldTheJvmPastTheShutdownTimeout() throws Exception {
    try (SilentCollector collector = SilentCollector.start();
        ChildJvm child = exportingTo(collector.baseEndpoint(), "main.stay=true")) {
      // Known to be failing (its probe gave up) while requests hang on the wire: the case where a
      // flush to disk and the shutdown used to wait one after the other.
      child.awaitLine("is not reachable", CHILD_LIMIT);
      child.letMainReturn();

      Duration exit = child.exitAfterMainReturned(CHILD_LIMIT);

      assertThat(exit).as("exit after main returned").isLessThan(TIMEOUT.plusSeconds(1));
    }
  }

  @Test
  void whatAHangingCollectorHeldAtExitIsDeliveredByTheNextStart() throws Exception {
    try (SilentCollector collector = SilentCollector.start();
        ChildJvm first = exportingTo(collector.baseEndpoint())) {
      first.exitAfterMainReturned(CHILD_LIMIT);
    }

    assertThat(deliveredByANextStart()).isEqualTo(2_000);
  }

  /**
   * 2,000 records to {@code endpoint}, spooled in this test's folder, with the test's shutdown
   * timeout and a request timeout far beyond it.
   */
  private ChildJvm exportingTo(String endpoint, String... more) throws Exception {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint,
                // Without the one shutdown deadline the JVM would wait for this request timeout.
                "OTEL_EXPORTER_OTLP_TIMEOUT=60000",
                "OBSERVABILITY_SHUTDOWN_TIMEOUT=" + TIMEOUT.toMillis(),
                "OBSERVABILITY_SPOOL_DIR=" + spool(),
                "main.count=2000"));
    arguments.addAll(List.of(more));
    return ChildJvm.start(Map.of(), arguments.toArray(String[]::new));
  }

  private Path spool() throws java.io.IOException {
    return Files.createDirectories(temp.resolve("spool"));
  }

  @Test
  void aCollectorThatComesUpDuringTheShutdownWindowReceivesTheRecords() throws Exception {
    String endpoint = OtlpTestReceiver.refusingBaseEndpoint();
    int port = java.net.URI.create(endpoint).getPort();
    Duration window = Duration.ofSeconds(5);
    try (ChildJvm child =
        ChildJvm.start(
            Map.of(),
            "OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint,
            "OBSERVABILITY_SHUTDOWN_TIMEOUT=" + window.toMillis(),
            "main.count=2000")) {
      child.awaitLine("main returned", CHILD_LIMIT);
      try (OtlpTestReceiver receiver = OtlpTestReceiver.startOn(port)) {

        Duration exit = child.exitAfterMainReturned(CHILD_LIMIT);

        assertThat(receiver.uniqueBodies()).as("distinct records delivered").isEqualTo(2_000);
        assertThat(exit).as("exit after main returned").isLessThan(window.plusSeconds(1));
      }
    }
  }

  /** Starts the same service on the same spool with a healthy collector; counts what arrives. */
  private long deliveredByANextStart() throws Exception {
    try (OtlpTestReceiver receiver = OtlpTestReceiver.start();
        ChildJvm next = ChildJvm.startIdle(receiver.baseEndpoint(), spool(), CHILD_LIMIT)) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> receiver.uniqueBodies() >= 2_000);
      next.letMainReturn();
      next.exitAfterMainReturned(CHILD_LIMIT);
      return receiver.uniqueBodies();
    }
  }
}
