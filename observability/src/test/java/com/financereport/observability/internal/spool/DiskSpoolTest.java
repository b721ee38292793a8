package com.financereport.observability.internal.spool;

import static com.financereport.observability.internal.spool.SpoolTestRecords.body;
import static com.financereport.observability.internal.spool.SpoolTestRecords.drain;
import static com.financereport.observability.internal.spool.SpoolTestRecords.record;
import static com.financereport.observability.internal.spool.SpoolTestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  @TempDir Path temp;
  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
  private final SpoolCounters counters = new SpoolCounters();

  private DiskSpool spool(Path directory, long maxBytes, long segmentBytes) {
    DiskSpool spool =
        new DiskSpool(
            directory, DiskSpool.lockExactly(directory), new SpoolLimits(maxBytes, DAY_MILLIS, segmentBytes, 1000),
            clock::get, counters,
            new SpoolRecordCodec(), new ReplayWakeup(), org.slf4j.LoggerFactory.getLogger(DiskSpool.class));
    spool.open();
    return spool;
  }

  private DiskSpool spool() {
    return spool(temp.resolve("spool"), 64L << 20, 1 << 20);
  }


  private static List<String> bodies(int from, int to) {
    List<String> bodies = new ArrayList<>();
    for (int i = from; i < to; i++) {
      bodies.add("rec-" + i);
    }
    return bodies;
  }

  private List<Path> segmentFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> SpoolSegment.sequenceOf(f) >= 0).sorted().toList();
    }
  }

  @Test
  void recordsAreReadOldestFirstAcrossSegments() {
    DiskSpool spool = spool(temp.resolve("spool"), 64L << 20, 4096);
    for (int i = 0; i < 10; i++) {
      spool.append(records(i * 50, i * 50 + 50));
    }

    assertThat(drain(spool)).isEqualTo(bodies(0, 500));
  }

  @Test
  void aReadInterruptedByShutdownLosesNothing() throws Exception {
    DiskSpool spool = spool(temp.resolve("spool"), 64L << 20, 4096);
    spool.append(records(0, 300));
    spool.force();

    Thread interrupted =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              spool.read(100);
            });
    interrupted.start();
    interrupted.join();

    assertThat(counters.corruptSkipped.get()).isZero();
    assertThat(drain(spool)).isEqualTo(bodies(0, 300));
  }

  @Test
  void aDeliveredSpoolLeavesNoSegmentFiles() throws IOException {
    DiskSpool spool = spool();
    spool.append(records(0, 10));

    drain(spool);

    assertThat(segmentFiles(temp.resolve("spool"))).isEmpty();
  }

  @Test
  void acknowledgedRecordsAreNotReadAgainByTheNextRun() {
    DiskSpool first = spool();
    first.append(records(0, 300));
    first.acknowledge(first.read(100));
    first.close();

    DiskSpool second = spool();

    assertThat(drain(second)).isEqualTo(bodies(100, 300));
  }

  @Test
  void theNextRunAppendsBehindWhatTheLastRunLeft() {
    DiskSpool first = spool();
    first.append(records(0, 5));
    first.close();

    DiskSpool second = spool();
    second.append(records(5, 10));

    assertThat(drain(second)).isEqualTo(bodies(0, 10));
  }

  @Test
  void aTornTailIsSkippedCountedAndTheRestDelivered() throws IOException {
    DiskSpool first = spool();
    first.append(records(0, 20));
    first.close();
    Path segment = segmentFiles(temp.resolve("spool")).get(0);
    byte[] torn = new SpoolRecordCodec().encodeLine(record(20));
    Files.write(segment, java.util.Arrays.copyOf(torn, torn.length / 2), java.nio.file.StandardOpenOption.APPEND);

    List<String> delivered = drain(spool());

    assertThat(delivered).isEqualTo(bodies(0, 20));
    assertThat(counters.corruptSkipped.get()).isEqualTo(1);
  }

  @Test
  void aCorruptedLineIsSkippedCountedAndTheRestDelivered() throws IOException {
    DiskSpool first = spool();
    first.append(records(0, 20));
    first.close();
    Path segment = segmentFiles(temp.resolve("spool")).get(0);
    String text = Files.readString(segment, StandardCharsets.UTF_8);
    Files.writeString(segment, text.replace("\"rec-7\"", "\"rec-X\""), StandardCharsets.UTF_8);

    List<String> delivered = drain(spool());

    List<String> expected = bodies(0, 20);
    expected.remove("rec-7");
    assertThat(delivered).isEqualTo(expected);
    assertThat(counters.corruptSkipped.get()).isEqualTo(1);
  }

  @Test
  void aSegmentOverwrittenWithGarbageIsSkippedAndLaterSegmentsDelivered() throws IOException {
    DiskSpool first = spool(temp.resolve("spool"), 64L << 20, 4096);
    for (int i = 0; i < 4; i++) {
      first.append(records(i * 20, i * 20 + 20));
    }
    first.close();
    Path firstSegment = segmentFiles(temp.resolve("spool")).get(0);
    long size = Files.size(firstSegment);
    try (RandomAccessFile file = new RandomAccessFile(firstSegment.toFile(), "rw")) {
      byte[] garbage = new byte[(int) size];
      java.util.Arrays.fill(garbage, (byte) 'x');
      for (int i = 100; i < garbage.length; i += 100) {
        garbage[i] = '\n';
      }
      file.write(garbage);
    }

    List<String> delivered = drain(spool(temp.resolve("spool"), 64L << 20, 4096));

    assertThat(delivered).isEqualTo(bodies(20, 80));
    assertThat(counters.corruptSkipped.get()).isGreaterThan(0);
  }

  @Test
  void theByteBudgetDropsTheOldestRecordsFirst() {
    DiskSpool spool = spool(temp.resolve("spool"), 40_000, 8_000);
    for (int i = 0; i < 40; i++) {
      spool.append(records(i * 10, i * 10 + 10));
    }

    List<String> delivered = drain(spool);

    assertThat(delivered).isNotEmpty().endsWith("rec-399");
    assertThat(delivered).isEqualTo(bodies(400 - delivered.size(), 400));
  }

  @Test
  void recordsDroppedForTheBudgetAreCounted() {
    DiskSpool spool = spool(temp.resolve("spool"), 40_000, 8_000);
    for (int i = 0; i < 40; i++) {
      spool.append(records(i * 10, i * 10 + 10));
    }

    long delivered = drain(spool).size();

    assertThat(counters.droppedForBudget.get()).isEqualTo(400 - delivered);
  }

  @Test
  void aBatchOnItsWayWhenTheBudgetDropsItsSegmentIsNotCountedAsLost() {
    DiskSpool spool = spool(temp.resolve("spool"), 40_000, 8_000);
    spool.append(records(0, 10));
    SpoolBatch inFlight = spool.read(10);

    for (int i = 1; i < 40; i++) { // pushes the first segment out of the budget
      spool.append(records(i * 10, i * 10 + 10));
    }
    spool.acknowledge(inFlight); // delivered after all
    long deliveredLater = drain(spool).size();

    assertThat(inFlight.records()).hasSize(10);
    assertThat(counters.droppedForBudget.get()).isEqualTo(400 - 10 - deliveredLater);
  }

  @Test
  void aBatchReleasedAfterTheBudgetDroppedItsSegmentIsCountedAsDropped() {
    DiskSpool spool = spool(temp.resolve("spool"), 40_000, 8_000);
    spool.append(records(0, 10));
    SpoolBatch inFlight = spool.read(10);
    for (int i = 1; i < 40; i++) {
      spool.append(records(i * 10, i * 10 + 10));
    }

    spool.release(inFlight); // never delivered, and no longer on disk
    long deliveredLater = drain(spool).size();

    assertThat(counters.droppedForBudget.get()).isEqualTo(400 - deliveredLater);
  }

  @Test
  void aBatchReleasedWhileItsSegmentRemainsIsReadAgain() {
    DiskSpool spool = spool();
    spool.append(records(0, 10));
    SpoolBatch inFlight = spool.read(10);

    spool.release(inFlight);

    assertThat(drain(spool)).isEqualTo(bodies(0, 10));
    assertThat(counters.droppedForBudget.get()).isZero();
  }

  @Test
  void aBatchLargerThanTheWholeBudgetIsCountedAsDroppedForTheBudget() {
    DiskSpool spool = spool(temp.resolve("spool"), 1_000, 1_000);

    spool.append(records(0, 50));

    assertThat(counters.droppedForBudget.get()).isEqualTo(50);
    assertThat(spool.spooledRecords()).isZero();
  }

  @Test
  void theSpoolStaysWithinItsByteBudget() {
    DiskSpool spool = spool(temp.resolve("spool"), 40_000, 8_000);
    for (int i = 0; i < 40; i++) {
      spool.append(records(i * 10, i * 10 + 10));
    }

    assertThat(spool.spooledBytes()).isPositive().isLessThanOrEqualTo(40_000);
  }

  @Test
  void recordsOlderThanTheAgeLimitAreDroppedAndCounted() {
    DiskSpool spool = spool();
    long now = clock.get();
    List<LogRecordData> batch = new ArrayList<>();
    batch.add(record(0, now - 2 * DAY_MILLIS));
    batch.add(record(1, now - 2 * DAY_MILLIS));
    batch.add(record(2, now));
    spool.append(batch);

    assertThat(drain(spool)).containsExactly("rec-2");
    assertThat(counters.droppedForBudget.get()).isEqualTo(2);
  }

  @Test
  void aSegmentUntouchedForLongerThanTheAgeLimitIsDropped() {
    DiskSpool first = spool(temp.resolve("spool"), 64L << 20, 1 << 20);
    first.append(records(0, 10));
    first.close();
    clock.addAndGet(2 * DAY_MILLIS);

    DiskSpool second = spool(temp.resolve("spool"), 64L << 20, 1 << 20);
    second.maintain();

    assertThat(second.spooledRecords()).isZero();
    assertThat(counters.droppedForBudget.get()).isEqualTo(10);
  }

  @Test
  void statsCountWhatWaitsAndHowOldItIs() {
    DiskSpool spool = spool();
    spool.append(List.of(record(0, clock.get() - 5_000), record(1, clock.get())));

    assertThat(spool.spooledRecords()).isEqualTo(2);
    assertThat(spool.spooledBytes()).isPositive();
    assertThat(spool.oldestSpooledAgeMillis()).isEqualTo(5_000);
  }

  @Test
  void theSpoolDirectoryIsReadableByItsOwnerOnly() throws IOException {
    spool();

    assertThat(Files.getPosixFilePermissions(temp.resolve("spool")))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void aDirectoryThatCannotBeCreatedRefusesRecordsWithoutThrowing() throws IOException {
    // Tests run as root, which may write anywhere: a path under a regular file can never be a
    // directory, whoever asks.
    Path regularFile = Files.createFile(temp.resolve("not-a-directory"));
    DiskSpool spool = spool(regularFile.resolve("spool"), 64L << 20, 1 << 20);

    boolean kept = spool.append(records(0, 10));

    assertThat(kept).isFalse();
    assertThat(spool.spooledRecords()).isZero();
  }

  @Test
  void aFailedSegmentWriteDropsThatBatchAndTheNextBatchIsKept() throws IOException {
    // As root, a full or read-only disk cannot be simulated; a directory where the next segment
    // file must go makes the create fail with an IOException on the same code path.
    Path directory = temp.resolve("spool");
    Files.createDirectories(directory.resolve(SpoolSegment.fileName(1)));
    DiskSpool spool = spool(directory, 64L << 20, 1 << 20);

    boolean firstKept = spool.append(records(0, 10));
    boolean secondKept = spool.append(records(10, 20));

    assertThat(firstKept).isFalse();
    assertThat(secondKept).isTrue();
    assertThat(drain(spool)).isEqualTo(bodies(10, 20));
  }
}
