package com.financereport.observability.internal.spool;

import static com.financereport.observability.internal.spool.SpoolTestRecords.body;
import static com.financereport.observability.internal.spool.SpoolTestRecords.drain;
import static com.financereport.observability.internal.spool.SpoolTestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool on a disk that fills up: a real 192 KiB tmpfs, so the writes fail with the kernel's
 * own ENOSPC. Needs the right to mount (root with CAP_SYS_ADMIN, as in the project's container);
 * skipped elsewhere.
 */
class SpoolFullDiskTest {
  private static final int BATCH = 50;

  @TempDir Path temp;
  private Path disk;
  private boolean mounted;
  private final SpoolCounters counters = new SpoolCounters();
  private final List<DiskSpool> opened = new ArrayList<>();

  @BeforeEach
  void mountSmallDisk() throws Exception {
    disk = Files.createDirectory(temp.resolve("small-disk"));
    mounted = run("mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs", disk.toString());
    assumeTrue(mounted, "cannot mount a tmpfs here");
  }

  @AfterEach
  void unmount() throws Exception {
    opened.forEach(DiskSpool::close); // open files would keep the mount busy
    if (mounted && !run("umount", disk.toString())) {
      run("umount", "-l", disk.toString());
    }
  }

  private static boolean run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }

  private DiskSpool spool(Path directory) {
    DiskSpool spool =
        new DiskSpool(
            directory, DiskSpool.lockExactly(directory),
            new SpoolLimits(64L << 20, 86_400_000L, 1 << 20, 1000),
            System::currentTimeMillis, counters, new SpoolRecordCodec(), new ReplayWakeup(),
            org.slf4j.LoggerFactory.getLogger(DiskSpool.class));
    spool.open();
    opened.add(spool);
    return spool;
  }

  @Test
  void aFullDiskRefusesBatchesWithoutThrowingAndKeepsEveryBatchItAccepted() throws IOException {
    Path filler = Files.write(disk.resolve("filler"), new byte[64 * 1024]);
    DiskSpool spool = spool(disk.resolve("spool"));
    List<String> accepted = new ArrayList<>();
    int next = 0;
    boolean refused = false;
    while (!refused && next < 100_000) {
      List<io.opentelemetry.sdk.logs.data.LogRecordData> batch = records(next, next + BATCH);
      if (spool.append(batch)) {
        batch.forEach(record -> accepted.add(body(record)));
      } else {
        refused = true;
      }
      next += BATCH;
    }
    Files.delete(filler); // room again
    List<io.opentelemetry.sdk.logs.data.LogRecordData> afterRoom = records(next, next + BATCH);
    boolean keptOnceThereIsRoom = spool.append(afterRoom);
    afterRoom.forEach(record -> accepted.add(body(record)));

    assertThat(refused).as("the disk filled up").isTrue();
    assertThat(keptOnceThereIsRoom).isTrue();
    assertThat(drain(spool)).isEqualTo(accepted);
  }

  @Test
  void aBatchTheFullDiskRefusedLeavesNoneOfItsLinesBehind() throws IOException {
    Path filler = Files.write(disk.resolve("filler"), new byte[64 * 1024]);
    DiskSpool spool = spool(disk.resolve("spool"));
    int accepted = 0;
    while (accepted < 100_000 && spool.append(records(accepted, accepted + BATCH))) {
      accepted += BATCH;
    }
    Files.delete(filler);
    spool.close();

    List<String> delivered = drain(spool(disk.resolve("spool")));

    assertThat(delivered).as("only the accepted batches, whole").hasSize(accepted);
    assertThat(counters.corruptSkipped.get()).as("no torn line").isZero();
  }

}
