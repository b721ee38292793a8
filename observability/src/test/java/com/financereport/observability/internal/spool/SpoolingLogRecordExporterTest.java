package com.financereport.observability.internal.spool;

import static com.financereport.observability.internal.spool.SpoolTestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financereport.observability.internal.export.PartialSuccessException;
import com.financereport.observability.internal.export.OtlpHttpLogSender;
import com.financereport.observability.internal.export.Sender;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Answer;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Received;
import com.financereport.observability.settings.SpoolSettings;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolingLogRecordExporterTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path temp;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private OtlpTestReceiver collector() {
    OtlpTestReceiver collector = OtlpTestReceiver.start();
    toClose.add(collector);
    return collector;
  }

  static Sender otlpExporter(String endpoint) {
    // No SDK retry: the spool's replayer is the retry, and a failure must reach the spool at once.
    return OtlpHttpLogSender.create(
        java.net.URI.create(endpoint),
        java.util.Map.of(),
        Duration.ofSeconds(5),
        "none",
        false,
        org.slf4j.LoggerFactory.getLogger(SpoolingLogRecordExporterTest.class));
  }



  /** Owned by the service the test records are written under. */
  static SpoolSettings settings(Path directory, long maxBytes) {
    return new SpoolSettings(
        directory,
        maxBytes,
        Duration.ofDays(7),
        SpoolOwner.of(SpoolTestRecords.RESOURCE).serviceName(),
        SpoolOwner.of(SpoolTestRecords.RESOURCE).environment());
  }

  private SpoolingLogRecordExporter spooling(String endpoint) {
    return spoolingThrough(otlpExporter(endpoint));
  }

  private SpoolingLogRecordExporter spoolingThrough(Sender collector) {
    SpoolingLogRecordExporter exporter =
        SpoolingLogRecordExporter.builder(
                collector, settings(temp.resolve("spool"), 256L << 20))
            .replayBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
            .shutdownTimeout(Duration.ofMillis(500))
            .build();
    toClose.add(() -> exporter.shutdown().join(10, TimeUnit.SECONDS));
    return exporter;
  }

  private static SdkLoggerProvider provider(LogRecordExporter exporter, int queueSize) {
    return SdkLoggerProvider.builder()
        .setResource(SpoolTestRecords.RESOURCE)
        .addLogRecordProcessor(
            BatchLogRecordProcessor.builder(exporter)
                .setMaxQueueSize(queueSize)
                .setMaxExportBatchSize(512)
                .setScheduleDelay(Duration.ofMillis(50))
                .build())
        .build();
  }

  private static void emit(SdkLoggerProvider provider, int count) {
    Logger logger = provider.get("com.example.Ledger");
    for (int i = 0; i < count; i++) {
      logger.logRecordBuilder().setBody("rec-" + i).emit();
    }
  }

  private static List<String> bodies(int count) {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bodies.add("rec-" + i);
    }
    return bodies;
  }

  @Test
  void everyRecordArrivesOnceTheCollectorRecoversFromAnOutage() throws IOException {
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.unavailable(1));
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());
    SdkLoggerProvider provider = provider(exporter, 25_000);
    emit(provider, 20_000);
    provider.forceFlush().join(30, TimeUnit.SECONDS);

    collector.alwaysAnswer(Answer.ok());

    await().atMost(WAIT).until(() -> collector.uniqueBodies() == 20_000);
    assertThat(collector.duplicates()).isZero();
  }

  @Test
  void recordsKeptDuringAnOutageAreDeliveredOldestFirst() throws IOException {
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.unavailable(1));
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());
    SdkLoggerProvider provider = provider(exporter, 5_000);
    emit(provider, 2_000);
    provider.forceFlush().join(30, TimeUnit.SECONDS);

    collector.alwaysAnswer(Answer.ok());

    await().atMost(WAIT).until(() -> collector.bodies().size() >= 2_000);
    assertThat(collector.bodies()).isEqualTo(bodies(2_000));
  }

  @Test
  void aRetryableFailureSpoolsTheBatch() throws IOException {
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.unavailable(1));
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());

    exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    assertThat(exporter.stats().spooled()).isEqualTo(10);
  }

  @Test
  void aSpooledBatchIsReportedAsSafe() throws IOException {
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.unavailable(1));
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());

    CompletableResultCode result = exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    assertThat(result.isSuccess()).isTrue();
  }

  @Test
  void aBatchTheSpoolCannotKeepIsReportedAsFailed() throws IOException {
    SpoolingLogRecordExporter exporter = overUnusableSpoolDirectory();

    CompletableResultCode result = exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    assertThat(result.isSuccess()).isFalse();
  }

  @Test
  void overflowTheSpoolCannotKeepIsCountedAsDropped() throws IOException {
    SpoolingLogRecordExporter exporter = overUnusableSpoolDirectory();

    exporter.accept(records(0, 10));

    await().atMost(WAIT).until(() -> exporter.stats().dropped() == 10);
  }

  @Test
  void aSpooledBatchRefusedOnReplayIsCountedAsDropped() throws IOException {
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.unavailable(1));
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());
    exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    collector.alwaysAnswer(Answer.status(400));

    await().atMost(WAIT).until(() -> exporter.stats().dropped() == 10);
  }

  @Test
  void aRefusedConnectionSpoolsTheBatch() throws IOException {
    SpoolingLogRecordExporter exporter =
        spooling(OtlpTestReceiver.refusingLogsEndpoint());

    exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    assertThat(exporter.stats().spooled()).isEqualTo(10);
  }

  @Test
  void aBatchArrivingWhileABacklogWaitsIsDeliveredBehindIt() throws IOException {
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.unavailable(1));
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());
    exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);
    exporter.export(records(10, 20)).join(10, TimeUnit.SECONDS);

    collector.alwaysAnswer(Answer.ok());

    await().atMost(WAIT).until(() -> collector.bodies().size() >= 20);
    assertThat(collector.bodies()).isEqualTo(bodies(20));
  }

  @Test
  void aBatchArrivingWhileAnOverflowBacklogDrainsGoesStraightToTheCollector() throws IOException {
    OtlpTestReceiver collector = collector();
    SpoolingLogRecordExporter exporter =
        SpoolingLogRecordExporter.builder(
                otlpExporter(collector.logsEndpoint().toString()),
                settings(temp.resolve("spool"), 256L << 20))
            .replayBatchSize(5)
            .build();
    toClose.add(() -> exporter.shutdown().join(10, TimeUnit.SECONDS));
    // What a full in-memory queue hands over: a backlog on disk while the collector is healthy.
    exporter.accept(records(0, 2_000));
    await().atMost(WAIT).until(() -> exporter.stats().spooled() > 0);

    CompletableResultCode live = exporter.export(records(2_000, 2_010)).join(10, TimeUnit.SECONDS);

    assertThat(live.isSuccess()).isTrue();
    assertThat(collector.bodies()).contains("rec-2000", "rec-2009");
    assertThat(exporter.stats().spooled()).isPositive(); // the backlog had not drained first
    await().atMost(WAIT).until(() -> collector.uniqueBodies() == 2_010);
  }

  @Test
  void aDeliveredBatchSucceedsAndIsNotSpooled() throws IOException {
    OtlpTestReceiver collector = collector();
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());

    CompletableResultCode result = exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    assertThat(result.isSuccess()).isTrue();
    assertThat(exporter.stats().spooled()).isZero();
  }

  @Test
  void aRejectedBatchIsWrittenToTheDeadLetterFile() throws IOException {
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.status(400));
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());

    exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    List<String> lines = Files.readAllLines(temp.resolve("spool/instance-1").resolve(DeadLetterFile.FILE_NAME));
    assertThat(lines).hasSize(10).allMatch(l -> l.startsWith("{\"reason\":\"HTTP 400\""));
  }

  @Test
  void aRejectedBatchIsCountedAndNotSpooled() throws IOException {
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.status(400));
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());

    exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    assertThat(exporter.stats().deadLettered()).isEqualTo(10);
    assertThat(exporter.stats().spooled()).isZero();
  }

  @Test
  void aSpooledBatchThatTheCollectorLaterRefusesGoesToTheDeadLetters() throws IOException {
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.unavailable(1));
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());
    exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    collector.alwaysAnswer(Answer.status(400));

    await().atMost(WAIT).until(() -> exporter.stats().deadLettered() == 10);
    assertThat(exporter.stats().spooled()).isZero();
  }

  @Test
  void aSpooledBatchPartlyRefusedOnReplayCountsOnlyTheRefusedRecordsAsLost() {
    OtlpTestReceiver receiver = collector();
    receiver.thenAnswer(Answer.unavailable(0), Answer.partialSuccess(3));
    SpoolingLogRecordExporter exporter =
        spoolingThrough(
            otlpExporter(receiver.logsEndpoint().toString()));

    assertThat(exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

    await().atMost(WAIT).until(() -> exporter.stats().deadLettered() == 3);
    SpoolStats stats = exporter.stats();
    assertThat(stats.replayed()).isEqualTo(7);
    assertThat(stats.dropped()).isEqualTo(3);
    assertThat(stats.spooled()).isZero();
    assertThat(receiver.requests()).extracting(Received::status).containsExactly(503, 200);
  }

  @Test
  void aLivePartialSuccessIsNotSpooledAndTheExportReportsWhatWasRefused() {
    OtlpTestReceiver receiver = collector();
    receiver.thenAnswer(Answer.partialSuccess(4));
    SpoolingLogRecordExporter exporter =
        spoolingThrough(
            otlpExporter(receiver.logsEndpoint().toString()));

    CompletableResultCode result = exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.getFailureThrowable())
        .isInstanceOfSatisfying(
            PartialSuccessException.class,
            partial -> {
              assertThat(partial.accepted()).isEqualTo(6);
              assertThat(partial.rejected()).isEqualTo(4);
              assertThat(partial.collectorMessage()).isEqualTo("rejected by the test receiver");
            });
    assertThat(PartialSuccessException.undelivered(result.getFailureThrowable(), 10)).isEqualTo(4);
    assertThat(exporter.stats().deadLettered()).isEqualTo(4);
    assertThat(exporter.stats().spooled()).isZero();
  }

  @Test
  void overflowRecordsAreSpooledAndDelivered() throws IOException {
    OtlpTestReceiver collector = collector();
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());

    exporter.accept(records(0, 100));

    await().atMost(WAIT).until(() -> collector.uniqueBodies() == 100);
    assertThat(exporter.stats().replayed()).isEqualTo(100);
  }

  @Test
  void shutdownWithTheCollectorDownKeepsEveryQueuedRecordOnDisk() throws IOException {
    SpoolingLogRecordExporter exporter =
        spooling(OtlpTestReceiver.refusingLogsEndpoint());
    SdkLoggerProvider provider = provider(exporter, 10_000);
    emit(provider, 5_000);

    provider.shutdown().join(10, TimeUnit.SECONDS);

    assertThat(exporter.stats().spooled()).isEqualTo(5_000);
  }

  @Test
  void flushToDiskWritesBatchesWithoutTryingTheCollector() throws IOException {
    OtlpTestReceiver collector = collector();
    SpoolingLogRecordExporter exporter = spooling(collector.logsEndpoint().toString());
    exporter.flushToDisk();

    exporter.export(records(0, 10)).join(10, TimeUnit.SECONDS);

    assertThat(exporter.stats().spooled()).isEqualTo(10);
    assertThat(collector.requests()).isEmpty();
  }

  @Test
  void aSpooledRecordOfAnotherServiceIsNeverSentAndKeptAsADeadLetter() throws IOException {
    io.opentelemetry.sdk.resources.Resource billing =
        io.opentelemetry.sdk.resources.Resource.create(
            io.opentelemetry.api.common.Attributes.of(
                io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), "billing",
                io.opentelemetry.api.common.AttributeKey.stringKey("deployment.environment"),
                    "test"));
    SpoolingLogRecordExporter earlier = spooling(OtlpTestReceiver.refusingLogsEndpoint());
    List<io.opentelemetry.sdk.logs.data.LogRecordData> mixed = new ArrayList<>(records(0, 5));
    mixed.add(SpoolTestRecords.record(billing, 5, System.currentTimeMillis()));
    earlier.export(mixed).join(10, TimeUnit.SECONDS);
    earlier.shutdown().join(10, TimeUnit.SECONDS);
    OtlpTestReceiver collector = collector();

    SpoolingLogRecordExporter next = spooling(collector.logsEndpoint().toString());

    await().atMost(WAIT).until(() -> next.stats().deadLettered() == 1);
    await().atMost(WAIT).until(() -> collector.uniqueBodies() == 5);
    assertThat(collector.bodies()).doesNotContain("rec-5");
    assertThat(Files.readAllLines(temp.resolve("spool/instance-1").resolve(DeadLetterFile.FILE_NAME)))
        .singleElement()
        .asString()
        .contains("written by service.name=billing, deployment.environment=test")
        .contains("rec-5");
  }

  @Test
  void segmentsOfTheLayoutBeforeInstanceFoldersAreDelivered() {
    Path service = temp.resolve("spool");
    DiskSpool earlier =
        new DiskSpool(
            service, DiskSpool.lockExactly(service), new SpoolLimits(1L << 20, 86_400_000L, 1L << 20, 1000),
            System::currentTimeMillis, new SpoolCounters(), new SpoolRecordCodec(), new ReplayWakeup(),
            org.slf4j.LoggerFactory.getLogger(DiskSpool.class));
    earlier.append(records(0, 50));
    earlier.close();
    OtlpTestReceiver collector = collector();

    spooling(collector.logsEndpoint().toString());

    await().atMost(WAIT).until(() -> collector.uniqueBodies() == 50);
  }

  @Test
  void aSpoolLeftByAnEarlierRunIsDeliveredAtStart() throws IOException {
    SpoolingLogRecordExporter earlier =
        spooling(OtlpTestReceiver.refusingLogsEndpoint());
    earlier.export(records(0, 300)).join(10, TimeUnit.SECONDS);
    earlier.shutdown().join(10, TimeUnit.SECONDS);
    OtlpTestReceiver collector = collector();

    spooling(collector.logsEndpoint().toString());

    await().atMost(WAIT).until(() -> collector.uniqueBodies() == 300);
  }

  /** A spool whose directory sits under a regular file, so nothing can be written; the collector refuses. */
  private SpoolingLogRecordExporter overUnusableSpoolDirectory() throws IOException {
    Path regularFile = Files.createFile(temp.resolve("not-a-directory"));
    SpoolingLogRecordExporter exporter =
        SpoolingLogRecordExporter.create(
            otlpExporter(OtlpTestReceiver.refusingLogsEndpoint()),
            settings(regularFile.resolve("spool"), 1L << 20));
    toClose.add(() -> exporter.shutdown().join(10, TimeUnit.SECONDS));
    return exporter;
  }
}
