package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.export.ExportOutcome;
import com.financereport.observability.internal.export.PartialSuccessException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where a new batch goes, and what its outcome means:
 *
 * <ul>
 *   <li>to disk at once while the collector is in an outage and a backlog waits (so order holds and
 *       only the replayer probes), or once the pipeline only writes to disk (shutdown);
 *   <li>otherwise to the collector: a retryable failure spools the batch, a refusal for good puts
 *       it in the dead letters.
 * </ul>
 *
 * The result succeeds when the records are safe (accepted, or on disk) and fails only when they are
 * lost. Requests still on the wire can be given up and their records spooled ({@link
 * #spoolInFlight}).
 */
final class LiveExport {
  private final LogRecordExporter delegate;
  private final DiskSpool spool;
  private final DeadLetterFile deadLetters;
  private final CollectorOutage outage;
  // Each export on the wire, with its records: at the shutdown cutoff they go to disk instead.
  private final Map<CompletableResultCode, Attempt> inFlight = new ConcurrentHashMap<>();
  private volatile boolean diskOnly;

  private record Attempt(Collection<LogRecordData> records, CompletableResultCode result) {}

  LiveExport(
      LogRecordExporter delegate, DiskSpool spool, DeadLetterFile deadLetters, CollectorOutage outage) {
    this.delegate = delegate;
    this.spool = spool;
    this.deadLetters = deadLetters;
    this.outage = outage;
  }

  CompletableResultCode export(Collection<LogRecordData> records) {
    if (diskOnly || (outage.ongoing() && spool.hasBacklog())) {
      return settled(spool.append(records));
    }
    CompletableResultCode result = new CompletableResultCode();
    CompletableResultCode attempt = delegate.export(records);
    inFlight.put(attempt, new Attempt(records, result));
    attempt.whenComplete(
        () -> {
          if (inFlight.remove(attempt) != null) { // else the cutoff already put them on disk
            completed(attempt, records, result);
          }
        });
    return result;
  }

  /** On the exporter's thread, never the application's. */
  private void completed(
      CompletableResultCode attempt, Collection<LogRecordData> records, CompletableResultCode result) {
    if (attempt.isSuccess()) {
      outage.ended();
      result.succeed();
      return;
    }
    Throwable cause = attempt.getFailureThrowable();
    ExportOutcome failure = ExportOutcome.ofFailure(cause);
    if (failure.retryable()) {
      outage.began();
      if (spool.append(records)) {
        result.succeed();
        return;
      }
    } else {
      deadLetters.append(
          records, PartialSuccessException.undelivered(cause, records.size()), failure.reason());
    }
    if (cause != null) {
      result.failExceptionally(cause);
    } else {
      result.fail();
    }
  }

  /** From now on every batch goes to disk without a network attempt. */
  void diskOnly() {
    diskOnly = true;
  }

  boolean idle() {
    return inFlight.isEmpty();
  }

  /** Waits for the requests on the wire, at most until {@code deadlineNanos}. */
  void awaitInFlight(long deadlineNanos) {
    for (CompletableResultCode attempt : List.copyOf(inFlight.keySet())) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      attempt.join(remaining, TimeUnit.NANOSECONDS);
    }
  }

  /** Gives up the requests on the wire: their records go to disk, and their results say so. */
  void spoolInFlight() {
    for (CompletableResultCode attempt : List.copyOf(inFlight.keySet())) {
      Attempt given = inFlight.remove(attempt);
      if (given != null) {
        settle(given.result(), spool.append(given.records()));
      }
    }
  }

  private static CompletableResultCode settled(boolean kept) {
    return kept ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
  }

  private static void settle(CompletableResultCode result, boolean kept) {
    if (kept) {
      result.succeed();
    } else {
      result.fail();
    }
  }
}
