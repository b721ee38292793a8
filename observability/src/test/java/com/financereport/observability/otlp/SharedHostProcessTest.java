package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one host, each a real JVM with the library's whole pipeline: replicas of
 * one service share a spool directory without losing records, and different services never send
 * each other's.
 */
class SharedHostProcessTest {
  private static final Duration CHILD_LIMIT = Duration.ofSeconds(90);
  private static final Duration DELIVERY = Duration.ofSeconds(90);

  @TempDir Path temp;

  @Test
  void twoReplicasOnOneSpoolDirectoryDeliverAllRecordsOfBothOnceTheCollectorIsUp()
      throws Exception {
    Path spool = temp.resolve("spool");
    try (OtlpTestReceiver collector = OtlpTestReceiver.start().alwaysAnswer(Answer.unavailable(1));
        ChildJvm first = replica(collector, spool, "a");
        ChildJvm second = replica(collector, spool, "b")) {
      first.awaitLine("LOGGED", CHILD_LIMIT);
      second.awaitLine("LOGGED", CHILD_LIMIT);

      collector.alwaysAnswer(Answer.ok());

      await().atMost(DELIVERY).until(() -> collector.uniqueBodies() == 10_000);
      first.letMainReturn();
      second.letMainReturn();
      first.exitAfterMainReturned(CHILD_LIMIT);
      second.exitAfterMainReturned(CHILD_LIMIT);
      assertThat(first.output() + second.output()).doesNotContain("Log spool degraded");
    }
  }

  private static ChildJvm replica(OtlpTestReceiver collector, Path spool, String prefix)
      throws Exception {
    return ChildJvm.start(
        Map.of(),
        "OTEL_EXPORTER_OTLP_ENDPOINT=" + collector.baseEndpoint(),
        "OTEL_SERVICE_NAME=ledger",
        "OBSERVABILITY_SPOOL_DIR=" + spool,
        "main.count=5000",
        "main.prefix=" + prefix,
        "main.stay=true");
  }

  @Test
  void theSpoolsOfTwoReplicasThatExitedDuringAnOutageAreDeliveredByTheNextStart()
      throws Exception {
    Path spool = temp.resolve("spool");
    String down = OtlpTestReceiver.refusingBaseEndpoint();
    try (ChildJvm first = exitingReplica(down, spool, "a");
        ChildJvm second = exitingReplica(down, spool, "b")) {
      first.exitAfterMainReturned(CHILD_LIMIT);
      second.exitAfterMainReturned(CHILD_LIMIT);
    }
    assertThat(instanceFolders(spool)).as("one instance folder per replica").isEqualTo(2);

    try (OtlpTestReceiver collector = OtlpTestReceiver.start();
        ChildJvm next =
            ChildJvm.start(
                Map.of(),
                "OTEL_EXPORTER_OTLP_ENDPOINT=" + collector.baseEndpoint(),
                "OTEL_SERVICE_NAME=ledger",
                "OBSERVABILITY_SPOOL_DIR=" + spool,
                "main.count=0",
                "main.stay=true")) {

      await().atMost(DELIVERY).until(() -> collector.uniqueBodies() == 4_000);
      await("the adopted, now empty, instance folder is removed")
          .atMost(DELIVERY)
          .until(() -> instanceFolders(spool) == 1);
      next.letMainReturn();
      next.exitAfterMainReturned(CHILD_LIMIT);
    }
  }

  private static ChildJvm exitingReplica(String endpoint, Path spool, String prefix)
      throws Exception {
    return ChildJvm.start(
        Map.of(),
        "OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint,
        "OTEL_SERVICE_NAME=ledger",
        "OBSERVABILITY_SPOOL_DIR=" + spool,
        "OBSERVABILITY_SHUTDOWN_TIMEOUT=5000", // room to write the rest to disk on a busy machine
        "main.count=2000",
        "main.prefix=" + prefix);
  }

  private static long instanceFolders(Path spool) throws Exception {
    try (var entries = Files.list(spool)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("instance-")).count();
    }
  }

  @Test
  void twoServicesWithTheDefaultSpoolNeverSendEachOthersRecords() throws Exception {
    // The children's own home: the default spool goes to the user's cache, here a temp folder.
    Map<String, String> host = Map.of("HOME", temp.toString(), "XDG_CACHE_HOME", "");
    try (ChildJvm billing =
        ChildJvm.start(
            host,
            "OTEL_EXPORTER_OTLP_ENDPOINT=" + OtlpTestReceiver.refusingBaseEndpoint(),
            "OTEL_SERVICE_NAME=billing",
            "OBSERVABILITY_SHUTDOWN_TIMEOUT=5000", // room to write the rest to disk on a busy machine
            "main.defaultSpool=true",
            "main.count=1000",
            "main.prefix=billing")) {
      billing.exitAfterMainReturned(CHILD_LIMIT);
    }
    assertThat(temp.resolve(".cache/observability/spool/billing/instance-1")).isDirectory();

    try (OtlpTestReceiver ledgerCollector =
            OtlpTestReceiver.start().alwaysAnswer(Answer.unavailable(1));
        ChildJvm ledger =
            ChildJvm.start(
                host,
                "OTEL_EXPORTER_OTLP_ENDPOINT=" + ledgerCollector.baseEndpoint(),
                "OTEL_SERVICE_NAME=ledger",
                "main.defaultSpool=true",
                "main.count=10",
                "main.prefix=ledger",
                "main.stay=true")) {
      ledger.awaitLine("LOGGED", CHILD_LIMIT);
      ledgerCollector.awaitRequests(1, DELIVERY); // refused: ledger's records are on disk now
      ledgerCollector.alwaysAnswer(Answer.ok());

      // Ledger's own records come back through its replayer, which looked for spools to adopt
      // before it sent anything.
      await().atMost(DELIVERY).until(() -> ledgerCollector.uniqueBodies() == 10);
      ledger.letMainReturn();
      ledger.exitAfterMainReturned(CHILD_LIMIT);
      assertThat(ledgerCollector.bodies()).allMatch(body -> body.startsWith("ledger-"));
    }

    try (OtlpTestReceiver billingCollector = OtlpTestReceiver.start();
        ChildJvm billingAgain =
            ChildJvm.start(
                host,
                "OTEL_EXPORTER_OTLP_ENDPOINT=" + billingCollector.baseEndpoint(),
                "OTEL_SERVICE_NAME=billing",
                "main.defaultSpool=true",
                "main.count=0",
                "main.stay=true")) {
      await().atMost(DELIVERY).until(() -> billingCollector.uniqueBodies() == 1_000);
      billingAgain.letMainReturn();
      billingAgain.exitAfterMainReturned(CHILD_LIMIT);
      assertThat(billingCollector.bodies()).allMatch(body -> body.startsWith("billing-"));
    }
  }
}
