package com.financereport.observability.internal.spool;

import static com.financereport.observability.internal.spool.SpoolTestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SpoolWarningTest {
  @TempDir Path temp;
  private final Logger spoolLogger = (Logger) LoggerFactory.getLogger(DiskSpool.class);
  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private final SpoolCounters counters = new SpoolCounters();

  @BeforeEach
  void capture() {
    warnings.start();
    spoolLogger.addAppender(warnings);
  }

  @AfterEach
  void release() {
    spoolLogger.detachAppender(warnings);
  }

  private DiskSpool spool(Path directory, long maxBytes) {
    return new DiskSpool(
        directory, DiskSpool.lockExactly(directory), new SpoolLimits(maxBytes, 86_400_000L, 8_000, 1000),
        System::currentTimeMillis, counters,
        new SpoolRecordCodec(), new ReplayWakeup(), spoolLogger);
  }

  private long warningCount() {
    return warnings.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
  }

  @Test
  void manyBudgetDropsAreReportedInOneWarning() {
    DiskSpool spool = spool(temp.resolve("spool"), 40_000);

    for (int i = 0; i < 100; i++) {
      spool.append(records(i * 10, i * 10 + 10));
    }

    assertThat(counters.droppedForBudget.get()).isGreaterThan(100);
    assertThat(warningCount()).isEqualTo(1);
  }

  @Test
  void manyRecordsLostToAnUnusableDirectoryAreReportedInOneWarning() throws IOException {
    Path regularFile = Files.createFile(temp.resolve("not-a-directory"));
    DiskSpool spool = spool(regularFile.resolve("spool"), 40_000);

    for (int i = 0; i < 100; i++) {
      spool.append(records(i * 10, i * 10 + 10));
    }

    assertThat(warningCount()).isEqualTo(1);
  }
}
