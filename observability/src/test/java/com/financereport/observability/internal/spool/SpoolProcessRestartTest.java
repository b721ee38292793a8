package com.financereport.observability.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Answer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool outlives the process: a second run of the same service delivers what the first kept. */
class SpoolProcessRestartTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path temp;
  private final List<Process> children = new ArrayList<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (Process child : children) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  private Process child(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SpoolChildProcess.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectError(temp.resolve("child-" + children.size() + ".err").toFile())
            .start();
    children.add(process);
    return process;
  }

  private OtlpTestReceiver collector() {
    OtlpTestReceiver collector = OtlpTestReceiver.start();
    toClose.add(collector);
    return collector;
  }

  private static String refusedEndpoint() {
    return OtlpTestReceiver.refusingLogsEndpoint();
  }

  private static void awaitLine(Process process, String prefix) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return;
      }
    }
    throw new IllegalStateException("the child ended before printing " + prefix);
  }

  @Test
  void recordsKeptByARunStoppedWithSigtermAreDeliveredByTheNextRun() throws Exception {
    String spool = temp.resolve("spool").toString();
    Process first = child("log-then-wait", spool, refusedEndpoint(), "5000");
    awaitLine(first, "LOGGED");
    first.destroy(); // SIGTERM: the shutdown hook closes the pipeline
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    OtlpTestReceiver collector = collector();

    child("idle", spool, collector.logsEndpoint().toString());

    await().atMost(WAIT).until(() -> collector.uniqueBodies() == 5_000);
  }

  @Test
  void theInstanceFolderOfALiveProcessIsNeverAdoptedAndThatOfAKilledOneIs() throws Exception {
    Path spool = temp.resolve("spool");
    Process live = child("log-then-wait", spool.toString(), refusedEndpoint(), "100");
    awaitLine(live, "LOGGED");
    ServiceSpoolFolder folder =
        new ServiceSpoolFolder(spool, SpoolOwner.of(SpoolTestRecords.RESOURCE));

    assertThat(folder.adoptDeadInstances()).as("adopted while its process lives").isEmpty();

    live.destroyForcibly();
    assertThat(live.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<InstanceFolder> adopted = folder.adoptDeadInstances();
    try {
      assertThat(adopted)
          .as("adopted once its process is gone")
          .extracting(InstanceFolder::path)
          .containsExactly(spool.resolve("instance-1").toAbsolutePath());
    } finally {
      adopted.forEach(InstanceFolder::close);
    }
  }

  @Test
  void aSecondProcessOfTheServiceWorksInAnInstanceFolderOfItsOwn() throws Exception {
    Path spool = temp.resolve("spool");
    Process first = child("log-then-wait", spool.toString(), refusedEndpoint(), "100");
    awaitLine(first, "LOGGED");
    Process second = child("log-then-wait", spool.toString(), refusedEndpoint(), "100");
    awaitLine(second, "LOGGED");

    assertThat(segmentsIn(spool.resolve("instance-1"))).as("first process").isPositive();
    assertThat(segmentsIn(spool.resolve("instance-2"))).as("second process").isPositive();
  }

  @Test
  void aSpoolFolderALiveProcessHoldsIsNeitherWrittenNorReadHereUntilItDies() throws Exception {
    Path instance = temp.resolve("spool").resolve("instance-1");
    Process live = child("log-then-wait", temp.resolve("spool").toString(), refusedEndpoint(), "100");
    awaitLine(live, "LOGGED");
    long bytesBefore = folderBytes(instance);
    DiskSpool intruder = diskSpoolIn(instance);

    boolean kept = intruder.append(SpoolTestRecords.records(1000, 1010));
    SpoolBatch read = intruder.read(100);

    assertThat(List.of(kept, read == null, folderBytes(instance)))
        .as("refused, nothing read, the holder's files untouched")
        .isEqualTo(List.of(false, true, bytesBefore));
    live.destroyForcibly();
    assertThat(live.waitFor(30, TimeUnit.SECONDS)).isTrue();
    DiskSpool successor = diskSpoolIn(instance);
    assertThat(SpoolTestRecords.drain(successor)).as("read once its holder is gone").hasSize(100);
    successor.close();
  }

  private static DiskSpool diskSpoolIn(Path instance) {
    return new DiskSpool(
        instance, DiskSpool.lockExactly(instance), new SpoolLimits(1L << 20, 86_400_000L, 1L << 20, 1000),
        System::currentTimeMillis, new SpoolCounters(), new SpoolRecordCodec(), new ReplayWakeup(),
        org.slf4j.LoggerFactory.getLogger(DiskSpool.class));
  }

  private static long folderBytes(Path folder) throws IOException {
    try (var files = java.nio.file.Files.list(folder)) {
      long total = 0;
      for (Path file : files.sorted().toList()) {
        total += java.nio.file.Files.size(file);
      }
      return total;
    }
  }

  private static long segmentsIn(Path folder) throws IOException {
    try (var files = java.nio.file.Files.list(folder)) {
      return files.filter(f -> SpoolSegment.sequenceOf(f) >= 0).count();
    }
  }

  @Test
  void recordsAcceptedASecondBeforeKillMinus9AreDeliveredByTheNextRun() throws Exception {
    String spool = temp.resolve("spool").toString();
    OtlpTestReceiver unavailable = collector();
    unavailable.alwaysAnswer(Answer.unavailable(1));
    Process first = child("log-forever", spool, unavailable.logsEndpoint().toString());
    List<long[]> accepted = new ArrayList<>(); // {nanoTime, count}
    BufferedReader out =
        new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
    String line;
    // Kill 3 s after the first record was accepted, however long the JVM took to start.
    while ((line = out.readLine()) != null) {
      if (line.startsWith("ACCEPTED ")) {
        accepted.add(new long[] {System.nanoTime(), Long.parseLong(line.substring(9))});
        if (System.nanoTime() - accepted.get(0)[0] > TimeUnit.SECONDS.toNanos(3)) {
          break;
        }
      }
    }
    long killedAt = System.nanoTime();
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long safeCount =
        accepted.stream()
            .filter(a -> a[0] <= killedAt - TimeUnit.SECONDS.toNanos(1))
            .mapToLong(a -> a[1])
            .max()
            .orElseThrow();
    OtlpTestReceiver collector = collector();

    child("idle", spool, collector.logsEndpoint().toString());

    await().atMost(WAIT).until(() -> missingBelow(collector, safeCount).isEmpty() || idleFor(collector));
    List<Integer> missing = missingBelow(collector, safeCount);
    assertThat(missing)
        .as("records accepted >= 1 s before the kill but not delivered (of %d)", safeCount)
        .isEmpty();
    System.out.printf(
        "kill -9: %d accepted >= 1 s before the kill, %d unique delivered, %d duplicates%n",
        safeCount, collector.uniqueBodies(), collector.duplicates());
    assertThat(safeCount).isGreaterThan(1_000);
    assertThat(collector.duplicates()).isLessThan(Math.max(1, collector.uniqueBodies() / 100));
  }

  @Test
  void aRunKilledWhileReplayingResendsUnderOnePercentAfterRestart() throws Exception {
    String spool = temp.resolve("spool").toString();
    OtlpTestReceiver collector = collector();
    collector.alwaysAnswer(Answer.unavailable(1));
    Process first = child("log-then-wait", spool, collector.logsEndpoint().toString(), "30000");
    awaitLine(first, "LOGGED");
    collector.alwaysAnswer(Answer.ok());
    await().atMost(WAIT).until(() -> collector.uniqueBodies() >= 5_000);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long beforeRestart = collector.uniqueBodies();

    child("idle", spool, collector.logsEndpoint().toString());

    await().atMost(WAIT).until(() -> collector.uniqueBodies() == 30_000);
    System.out.printf(
        "kill -9 during replay: %d delivered before the kill, %d duplicates after restart%n",
        beforeRestart, collector.duplicates());
    assertThat(collector.duplicates()).isLessThan(300);
  }

  private static List<Integer> missingBelow(OtlpTestReceiver collector, long count) {
    Set<String> bodies = new HashSet<>(collector.bodies());
    return IntStream.range(0, (int) count).filter(i -> !bodies.contains("rec-" + i)).boxed().toList();
  }

  private long lastSeenCount = -1;
  private long lastChangeNanos = System.nanoTime();

  /** True once nothing new has arrived for 10 s: waiting longer would not change the verdict. */
  private boolean idleFor(OtlpTestReceiver collector) {
    long count = collector.bodies().size();
    if (count != lastSeenCount) {
      lastSeenCount = count;
      lastChangeNanos = System.nanoTime();
      return false;
    }
    return count > 0 && System.nanoTime() - lastChangeNanos > TimeUnit.SECONDS.toNanos(10);
  }
}
