package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.export.ExportCounters;
import com.financereport.observability.internal.export.Sender;
import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.internal.spool.SpoolStats;
import com.financereport.observability.internal.spool.SpoolingLogRecordExporter;
import com.financereport.observability.status.ExportStatus;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.ILoggerFactory;

/**
 * The disk spool as a stage between the batch processor and the {@link SendStage}: retryable
 * failures go to disk and are replayed oldest first, the overflow of the full in-memory queue is
 * handed to it, and at shutdown it gets the one deadline. Uses {@link SpoolingLogRecordExporter}
 * through its public methods only.
 */
final class SpoolStage implements LogRecordExporter {
  /** Overflow records waiting for the export thread; past this they are lost to a full queue. */
  static final int MAX_PENDING_OVERFLOW = 65_536;
  private static final int OVERFLOW_HANDOFF = 512;

  private final SpoolingLogRecordExporter spool;
  private final ExportCounters counters;
  private final List<ReadWriteLogRecord> pendingOverflow = new ArrayList<>();

  /**
   * @param sender the send stage; live batches and the replayer both send through it
   * @param loggers the Logback context being configured, where the spool's warnings go
   */
  SpoolStage(
      Sender sender,
      ObservabilitySettings settings,
      ILoggerFactory loggers,
      ExportCounters counters) {
    this.counters = counters;
    this.spool =
        SpoolingLogRecordExporter.builder(sender, settings.spool())
            .shutdownTimeout(settings.export().shutdownTimeout())
            .loggers(loggers)
            .build();
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> records) {
    CompletableResultCode result = spool.export(records);
    handOffPendingOverflow();
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    handOffPendingOverflow();
    return spool.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    handOffPendingOverflow();
    return spool.shutdown();
  }

  /**
   * Takes a record the full in-memory queue could not hold. On an application thread: a short
   * lock, never a copy, disk or network.
   */
  void accept(ReadWriteLogRecord record) {
    List<ReadWriteLogRecord> handoff = null;
    synchronized (pendingOverflow) {
      if (pendingOverflow.size() >= MAX_PENDING_OVERFLOW) {
        counters.queueFull(1);
        return;
      }
      pendingOverflow.add(record); // copied on the spool's thread
      if (pendingOverflow.size() >= OVERFLOW_HANDOFF) {
        handoff = drainPending();
      }
    }
    if (handoff != null) {
      spool.acceptEmitted(handoff);
    }
  }

  /** {@code live}, the counters' figures, with what the spool holds and lost. */
  ExportStatus status(ExportStatus live) {
    SpoolStats stats = spool.stats();
    ExportStatus.Dropped dropped = live.dropped();
    return new ExportStatus(
        live.enabled(),
        live.queue(),
        live.delivery(),
        new ExportStatus.Spool(
            stats.spooled(),
            stats.spooledBytes(),
            stats.oldestSpooledAgeMillis(),
            stats.replayed(),
            stats.deadLettered()),
        new ExportStatus.Dropped(
            dropped.queueFull(),
            dropped.exportFailed(),
            dropped.rejected(),
            stats.droppedForBudget(),
            stats.corruptSkipped(),
            dropped.spoolUnusable() + stats.unusable()));
  }

  /**
   * Hands the spool the shutdown deadline (a {@link System#nanoTime} value). A failing collector:
   * batches still queued go straight to disk; the replayer keeps trying the collector until the
   * cutoff, so it still gets them if it comes back.
   */
  void beginShutdown(ExportStatus.Delivery delivery, long deadlineNanos) {
    handOffPendingOverflow();
    boolean failing =
        delivery.consecutiveFailures() > 0 || Boolean.FALSE.equals(delivery.endpointReachable());
    spool.beginShutdown(deadlineNanos, failing);
  }

  private List<ReadWriteLogRecord> drainPending() {
    List<ReadWriteLogRecord> drained = new ArrayList<>(pendingOverflow);
    pendingOverflow.clear();
    return drained;
  }

  private void handOffPendingOverflow() {
    List<ReadWriteLogRecord> drained;
    synchronized (pendingOverflow) {
      if (pendingOverflow.isEmpty()) {
        return;
      }
      drained = drainPending();
    }
    spool.acceptEmitted(drained);
  }
}
