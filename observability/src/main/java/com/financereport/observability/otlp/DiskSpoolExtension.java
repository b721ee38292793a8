package com.financereport.observability.otlp;

import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.spool.SpoolStats;
import com.financereport.observability.spool.SpoolingLogRecordExporter;
import com.financereport.observability.status.ExportCounters;
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
 * Puts the disk spool into the export pipeline: it wraps the collector exporter (retryable failures
 * go to disk, replayed oldest first), takes what the full in-memory queue cannot hold, adds its
 * figures to the export status, and at shutdown hands the spool the one deadline: deliver what is
 * queued and spooled while there is time, then put the rest on disk.
 */
final class DiskSpoolExtension {
  /** Overflow records waiting for the export thread; past this they are counted as dropped. */
  static final int MAX_PENDING_OVERFLOW = 65_536;
  private static final int OVERFLOW_HANDOFF = 512;

  private final ObservabilitySettings settings;
  private final ILoggerFactory loggers;
  private final List<ReadWriteLogRecord> pendingOverflow = new ArrayList<>();
  private volatile SpoolingLogRecordExporter spool;
  private volatile ExportCounters counters;

  /** @param loggers the Logback context being configured, where the spool's warnings go */
  DiskSpoolExtension(ObservabilitySettings settings, ILoggerFactory loggers) {
    this.settings = settings;
    this.loggers = loggers;
  }

  OtlpLogExport.Extensions extensions() {
    return new OtlpLogExport.Extensions(
        this::decorate, this::overflowSink, this::withSpoolFigures, this::beforeShutdown, false);
  }

  private LogRecordExporter decorate(LogRecordExporter collector) {
    spool =
        SpoolingLogRecordExporter.builder(collector, settings.spool())
            .shutdownTimeout(settings.export().shutdownTimeout())
            .loggers(loggers)
            .build();
    return new OverflowDrainingExporter(spool);
  }

  private OverflowSink overflowSink(ExportCounters counters) {
    this.counters = counters;
    return this::keepOverflow;
  }

  /** On an application thread: a short lock, never a copy, disk or network. */
  private void keepOverflow(ReadWriteLogRecord record) {
    List<ReadWriteLogRecord> handoff = null;
    synchronized (pendingOverflow) {
      if (pendingOverflow.size() >= MAX_PENDING_OVERFLOW) {
        counters.recordDropped(1);
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

  private ExportStatus withSpoolFigures(ExportStatus status) {
    SpoolingLogRecordExporter current = spool;
    if (current == null) {
      return status;
    }
    SpoolStats s = current.stats();
    return new ExportStatus(
        status.enabled(),
        status.exported(),
        status.failed(),
        status.dropped() + s.dropped() + s.droppedForBudget() + s.corruptSkipped(),
        status.queued(),
        status.rejected(),
        s.spooled(),
        s.spooledBytes(),
        s.oldestSpooledAgeMillis(),
        s.replayed(),
        s.droppedForBudget(),
        s.corruptSkipped(),
        status.lastSuccess(),
        status.lastError(),
        status.lastErrorType(),
        status.consecutiveFailures(),
        status.endpointReachable());
  }

  private void beforeShutdown(ExportStatus status, long deadlineNanos) {
    handOffPendingOverflow();
    // A failing collector: batches still queued go straight to disk; the replayer keeps trying
    // the collector until the cutoff, so it still gets them if it comes back.
    boolean failing =
        status.consecutiveFailures() > 0 || Boolean.FALSE.equals(status.endpointReachable());
    if (spool != null) {
      spool.beginShutdown(deadlineNanos, failing);
    }
  }

  /** Hands pending overflow to the spool each time the batch processor exports. */
  private final class OverflowDrainingExporter implements LogRecordExporter {
    private final LogRecordExporter delegate;

    OverflowDrainingExporter(LogRecordExporter delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> records) {
      CompletableResultCode result = delegate.export(records);
      handOffPendingOverflow();
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      handOffPendingOverflow();
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      handOffPendingOverflow();
      return delegate.shutdown();
    }
  }
}
