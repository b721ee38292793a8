package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Answer;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Received;
import com.financereport.observability.otlp.testing.ReceivedRecord;
import com.financereport.observability.status.ExportStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the export answers the collector's answers, and what ExportStatus says about it. */
class OtlpDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private OtlpTestReceiver receiver;
  private ExportFixture fixture;

  @BeforeEach
  void start() {
    receiver = OtlpTestReceiver.start();
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    receiver.close();
  }

  /**
   * Waits until {@code condition} holds and no record is in memory any more: a batch's end is
   * counted just after its attempt, so figures of both are read together only then.
   */
  private void awaitSettled(java.util.function.Predicate<ExportStatus> condition) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              ExportStatus status = fixture.export().status();
              return condition.test(status) && status.queue().size() == 0;
            });
  }

  private List<Received> posts() {
    return receiver.requests().stream().filter(r -> r.method().equals("POST")).toList();
  }

  @Test
  void acceptedBatchesAreCountedAsExported() {
    fixture = ExportFixture.exportingTo(receiver.baseEndpoint());
    for (int i = 0; i < 5; i++) {
      fixture.logger("app").info("line {}", i);
    }
    receiver.awaitRecords(5, WAIT);

    await().atMost(WAIT).until(() -> fixture.export().status().delivery().exported() == 5);
    ExportStatus status = fixture.runtime.exportStatus();
    assertThat(status.delivery().lastSuccess()).isNotNull();
    assertThat(status.delivery().consecutiveFailures()).isZero();
    assertThat(status.dropped().total()).isZero();
  }

  @Test
  void tooManyRequestsIsRetriedAfterTheRetryAfterDelay() {
    receiver.thenAnswer(Answer.tooManyRequests(2));
    fixture = ExportFixture.exportingWithoutSpoolTo(receiver.baseEndpoint());

    fixture.logger("app").info("throttled");
    receiver.awaitRecords(1, WAIT);

    List<Received> posts = posts();
    assertThat(posts).extracting(Received::status).containsExactly(429, 200);
    assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
  }

  @Test
  void unavailableIsRetriedAfterTheRetryAfterDelay() {
    receiver.thenAnswer(Answer.unavailable(2));
    fixture = ExportFixture.exportingWithoutSpoolTo(receiver.baseEndpoint());

    fixture.logger("app").info("collector restarting");
    receiver.awaitRecords(1, WAIT);

    List<Received> posts = posts();
    assertThat(posts).extracting(Received::status).containsExactly(503, 200);
    assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    await().atMost(WAIT).until(() -> fixture.export().status().delivery().exported() == 1);
  }

  @Test
  void badRequestIsNotRetried() throws InterruptedException {
    receiver.thenAnswer(Answer.status(400));
    fixture = ExportFixture.exportingWithoutSpoolTo(receiver.baseEndpoint());

    fixture.logger("app").info("malformed somehow");
    // The SDK retries inside one export; its failure is counted only once every retry is over.
    await().atMost(WAIT).until(() -> fixture.export().status().delivery().failed() == 1);

    assertThat(posts()).extracting(Received::status).containsExactly(400);
  }

  @Test
  void badRequestIsCountedAsRejectedAndDropped() {
    receiver.thenAnswer(Answer.status(400));
    fixture = ExportFixture.exportingWithoutSpoolTo(receiver.baseEndpoint());

    fixture.logger("app").info("malformed somehow");
    awaitSettled(status -> status.dropped().total() == 1);

    ExportStatus status = fixture.export().status();
    assertThat(status.delivery().failed()).isEqualTo(1);
    assertThat(status.delivery().rejected()).isEqualTo(1);
    assertThat(status.delivery().lastErrorType()).isEqualTo("HTTP 400");
    assertThat(status.delivery().lastError())
        .as("the collector's own reason, from its google.rpc.Status body")
        .isEqualTo("the collector answered HTTP 400: refused by the test receiver");
    assertThat(status.delivery().consecutiveFailures()).isEqualTo(1);
    assertThat(status.queue().size()).isZero();
    assertThat(status.dropped().rejected()).as("lost because the collector refused it").isEqualTo(1);
  }

  @Test
  void refusedConnectionIsReportedByExceptionType() {
    fixture =
        ExportFixture.exportingWithoutSpoolTo(
            ExportFixture.refusingEndpoint(), "OTEL_EXPORTER_OTLP_TIMEOUT", "1000");

    fixture.logger("app").info("nobody listens");

    // The SDK retries a refused connection 5 times with back-off before giving up.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fixture.export().status().dropped().exportFailed() == 1);
    ExportStatus status = fixture.export().status();
    assertThat(status.delivery().lastErrorType()).isEqualTo("java.net.ConnectException");
    assertThat(status.dropped().total()).isEqualTo(1);
    assertThat(status.delivery().exported()).isZero();
  }

  @Test
  void theSelfLogLimiterLeavesTheContextAtTheFirstDeliveredBatch() {
    fixture = ExportFixture.exportingTo(receiver.baseEndpoint());
    assertThat(fixture.context.getTurboFilterList()).hasSize(1);

    fixture.logger("app").info("delivered");
    receiver.awaitRecords(1, WAIT);

    // A turbo filter is asked on every logger call of the process, enabled or not.
    await().atMost(WAIT).until(() -> fixture.context.getTurboFilterList().isEmpty());
  }

  @Test
  void overflowingTheQueueIsCountedNeverSilent() {
    receiver.alwaysAnswer(Answer.hang());
    fixture =
        ExportFixture.exportingWithoutSpoolTo(
            receiver.baseEndpoint(),
            "OTEL_BLRP_MAX_QUEUE_SIZE", "10",
            "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "5");

    for (int i = 0; i < 200; i++) {
      fixture.logger("app").info("line {}", i);
    }

    ExportStatus status = fixture.export().status();
    // In memory at most the queue (10) plus the two batches stuck in the hanging exports (2 x 5);
    // everything else is counted as dropped.
    assertThat(status.dropped().total()).isGreaterThanOrEqualTo(180);
    assertThat(status.dropped().total() + status.queue().size()).isEqualTo(200);
    assertThat(status.dropped().queueFull()).isEqualTo(status.dropped().total());
  }

  @Test
  void withTheSpoolEveryRecordTheFullQueueCannotHoldIsStillDelivered() {
    fixture =
        ExportFixture.exportingTo(
            receiver.baseEndpoint(),
            "OTEL_BLRP_MAX_QUEUE_SIZE", "10",
            "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "5",
            "OBSERVABILITY_QUEUE_FULL_WAIT", "0");

    for (int i = 0; i < 5_000; i++) {
      fixture.logger("app").info("line {}", i);
    }

    List<ReceivedRecord> records = receiver.awaitRecords(5_000, Duration.ofSeconds(60));
    assertThat(records).extracting(ReceivedRecord::body).doesNotHaveDuplicates().hasSize(5_000);
    ExportStatus status = fixture.export().status();
    assertThat(status.dropped().total()).isZero();
    assertThat(status.spool().replayed()).isPositive(); // the queue did overflow into the spool
  }

  @Test
  void withAQueueFullWaitTheLoggingThreadWaitsInsteadOfOverflowing() {
    fixture =
        ExportFixture.exportingTo(
            receiver.baseEndpoint(),
            "OTEL_BLRP_MAX_QUEUE_SIZE", "10",
            "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "5",
            "OBSERVABILITY_QUEUE_FULL_WAIT", "10s");

    for (int i = 0; i < 2_000; i++) {
      fixture.logger("app").info("line {}", i);
    }

    List<ReceivedRecord> records = receiver.awaitRecords(2_000, Duration.ofSeconds(60));
    assertThat(records).extracting(ReceivedRecord::body).doesNotHaveDuplicates().hasSize(2_000);
    ExportStatus status = fixture.export().status();
    assertThat(status.dropped().total()).isZero();
    assertThat(status.spool().replayed()).isZero(); // nothing went through the disk
  }

  @Test
  void aHangingCollectorCostsALoggingThreadOneQueueFullWaitNotOneEach() {
    receiver.alwaysAnswer(Answer.hang());
    fixture =
        ExportFixture.exportingWithoutSpoolTo(
            receiver.baseEndpoint(),
            "OTEL_BLRP_MAX_QUEUE_SIZE", "10",
            "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "5",
            "OBSERVABILITY_QUEUE_FULL_WAIT", "2s");
    long start = System.nanoTime();

    for (int i = 0; i < 40; i++) {
      fixture.logger("app").info("line {}", i);
    }

    // 40 records, 20 in memory at most (the queue and two stuck batches). The first record that
    // found no room waited 2 s and shut the gate; the other 19 or more went on at once. Waiting
    // for each would take 40 s or more.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    ExportStatus status = fixture.export().status();
    assertThat(status.dropped().total() + status.queue().size()).isEqualTo(40);
    assertThat(status.dropped().total()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void overflowWarnsOnceNotPerRecord() {
    receiver.alwaysAnswer(Answer.hang());
    fixture =
        ExportFixture.exportingWithoutSpoolTo(
            receiver.baseEndpoint(),
            "OTEL_BLRP_MAX_QUEUE_SIZE", "10",
            "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "5");

    for (int i = 0; i < 200; i++) {
      fixture.logger("app").info("line {}", i);
    }

    assertThat(fixture.stdoutLines())
        .filteredOn(line -> line.contains("OTLP export queue is full"))
        .hasSize(1);
  }

  @Test
  void aPartialSuccessCountsTheRefusedRecordsAsRejectedAndTheRestAsExported()
      throws InterruptedException {
    receiver.thenAnswer(Answer.partialSuccess(1));
    fixture =
        ExportFixture.exportingWithoutSpoolTo(
            receiver.baseEndpoint(),
            "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "3",
            "OTEL_BLRP_SCHEDULE_DELAY", "60000");

    for (int i = 0; i < 3; i++) {
      fixture.logger("app").info("line {}", i);
    }
    awaitSettled(status -> status.delivery().rejected() == 1);

    ExportStatus status = fixture.export().status();
    assertThat(status.delivery().exported()).isEqualTo(2);
    assertThat(status.dropped().total()).isEqualTo(1);
    assertThat(status.dropped().rejected()).isEqualTo(1);
    assertThat(status.delivery().failed()).isEqualTo(1);
    assertThat(status.queue().size()).isZero();
    assertThat(status.delivery().lastErrorType()).isEqualTo("partial success");
    assertThat(status.delivery().lastError())
        .isEqualTo(
            "the collector refused 1 of 3 records (partial success): rejected by the test receiver");
    assertThat(status.delivery().consecutiveFailures()).isZero();
    assertThat(status.delivery().lastSuccess()).isNotNull();
    // The outcome above is counted once the export, retries included, is over.
    assertThat(posts()).extracting(Received::status).containsExactly(200);
  }

  @Test
  void aPartialSuccessSetsTheBatchAsideInTheDeadLetterFileAndNeverSpoolsIt() throws Exception {
    receiver.thenAnswer(Answer.partialSuccess(2));
    java.nio.file.Path spoolDir = java.nio.file.Path.of(ExportFixture.freshSpoolDir());
    fixture =
        ExportFixture.exportingTo(
            receiver.baseEndpoint(),
            "OBSERVABILITY_SPOOL_DIR", spoolDir.toString(),
            "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "3",
            "OTEL_BLRP_SCHEDULE_DELAY", "60000");

    for (int i = 0; i < 6; i++) {
      fixture.logger("app").info("line {}", i);
    }
    await().atMost(WAIT).until(() -> fixture.export().status().delivery().exported() == 4);

    ExportStatus status = fixture.export().status();
    assertThat(status.delivery().rejected()).isEqualTo(2);
    assertThat(status.dropped().total()).isEqualTo(2);
    assertThat(status.dropped().rejected()).isEqualTo(2);
    assertThat(status.spool().records()).isZero();
    List<String> deadLetters =
        java.nio.file.Files.readAllLines(spoolDir.resolve("instance-1/dead-letter.jsonl"));
    assertThat(deadLetters)
        .as("the collector does not say which records it refused: the whole batch is kept")
        .hasSize(3)
        .allMatch(
            line ->
                line.startsWith(
                    "{\"reason\":\"partial success, 2 of 3 refused: rejected by the test"
                        + " receiver\""));
    assertThat(posts()).extracting(Received::status).containsExactly(200, 200);
  }

  @Test
  void recordsTheCollectorRefusesOnReplayAreLostOnceAsRejectedNotAlsoAsTheSpools() {
    receiver.thenAnswer(Answer.status(503), Answer.status(400));
    fixture =
        ExportFixture.exportingTo(
            receiver.baseEndpoint(),
            "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "3",
            "OTEL_BLRP_SCHEDULE_DELAY", "60000");

    for (int i = 0; i < 3; i++) {
      fixture.logger("app").info("line {}", i);
    }
    await().atMost(WAIT).until(() -> fixture.export().status().spool().deadLettered() == 3);

    ExportStatus status = fixture.export().status();
    assertThat(status.delivery().failed()).as("the live 503 and the replayed 400").isEqualTo(6);
    assertThat(status.delivery().rejected()).isEqualTo(3);
    assertThat(status.dropped().rejected()).isEqualTo(3);
    assertThat(status.dropped().spoolUnusable()).isZero();
    assertThat(status.dropped().total()).isEqualTo(3);
    assertThat(status.spool().records()).isZero();
  }

  @Test
  void theDefaultPipelineSpoolsAnOutageAndDeliversEverythingAfterRecovery() {
    receiver.alwaysAnswer(OtlpTestReceiver.Answer.unavailable(1));
    fixture = ExportFixture.exportingTo(receiver.baseEndpoint());
    org.slf4j.Logger log = fixture.logger("app");
    for (int i = 0; i < 2_000; i++) {
      log.info("record {}", i);
    }
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fixture.export().status().spool().records() == 2_000);

    receiver.alwaysAnswer(OtlpTestReceiver.Answer.ok());

    List<ReceivedRecord> delivered = receiver.awaitRecords(2_000, Duration.ofSeconds(60));
    assertThat(delivered.stream().map(ReceivedRecord::body).distinct().count()).isEqualTo(2_000);
    assertThat(fixture.export().status().dropped().total()).isZero();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> fixture.export().status().spool().replayed() == 2_000);
  }
}
