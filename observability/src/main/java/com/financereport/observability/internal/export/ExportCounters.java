package com.financereport.observability.internal.export;

import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.status.ExportStatus;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The one place an export pipeline counts, for logs, spans and metric points alike: every figure
 * is an {@link ExportOutcome} (or a full queue) turned into counts here, and read back as an
 * {@link ExportStatus}. Thread-safe and cheap; only {@link #queueFull} runs on application threads.
 */
public final class ExportCounters {
  private final Redactor redactor;
  private final LongSupplier queued;
  private final long queueCapacity;
  private final LongAdder exported = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder queueFull = new LongAdder();
  private final LongAdder undelivered = new LongAdder();
  private final AtomicLong consecutiveFailures = new AtomicLong();
  private volatile Instant lastSuccess;
  private volatile String lastError;
  private volatile String lastErrorType;
  private volatile Boolean endpointReachable;

  /**
   * @param redactor cleans failure descriptions, which may quote the collector or an exception
   * @param queued how many records wait in memory right now
   * @param queueCapacity how many the queue holds
   */
  public ExportCounters(Redactor redactor, LongSupplier queued, long queueCapacity) {
    this.redactor = redactor;
    this.queued = queued;
    this.queueCapacity = queueCapacity;
  }

  /** Counters of a signal without a queue of ours (spans, metric points). */
  public ExportCounters(Redactor redactor) {
    this(redactor, () -> 0, 0);
  }

  /**
   * Counts one attempt on the wire: what the collector made of {@code items}. A partial success
   * delivers the rest, so the collector is healthy and consecutive failures restart from zero.
   * Returns the outcome, so a caller can go on to act on it.
   */
  public ExportOutcome attempted(ExportOutcome outcome, long items) {
    switch (outcome.kind()) {
      case EXPORTED -> delivered(items);
      case PARTIAL -> {
        PartialSuccessException partial = outcome.partial();
        delivered(partial.accepted());
        failed.add(partial.rejected());
        rejected.add(partial.rejected());
        lastErrorType = outcome.type();
        lastError = redactor.redactText(outcome.description());
      }
      case REJECTED -> {
        failedAttempt(items, outcome);
        rejected.add(items);
      }
      case RETRYABLE -> failedAttempt(items, outcome);
    }
    return outcome;
  }

  /**
   * The final outcome of {@code items} that nothing behind will try again. Refused records are
   * already lost under {@code rejected} by {@link #attempted}; any other failure loses them all.
   */
  public void settled(ExportOutcome outcome, long items) {
    if (outcome.kind() == ExportOutcome.Kind.RETRYABLE) {
      undelivered.add(items);
    }
  }

  /**
   * For a signal without a spool: counts {@code items} as one attempt once {@code result}
   * completes, and as settled, since nothing tries them again. Returns {@code result}.
   */
  public CompletableResultCode countWhenDone(CompletableResultCode result, long items) {
    result.whenComplete(() -> settled(attempted(ExportOutcome.of(result), items), items));
    return result;
  }

  /** The in-memory queue was full and nothing could keep these records. */
  public void queueFull(long records) {
    queueFull.add(records);
  }

  /** The start-up probe's verdict. */
  public void endpointReachable(boolean reachable) {
    endpointReachable = reachable;
  }

  /** The records lost so far, whatever the cause; for the queue-full warning. */
  public long lostSoFar() {
    return queueFull.sum() + undelivered.sum() + rejected.sum();
  }

  /**
   * The figures now, with no spool. {@code spooling} says where a retryable final failure went:
   * with a spool, it failed to keep the records; without one, the export failed for good.
   */
  public ExportStatus snapshot(boolean spooling) {
    long lost = undelivered.sum();
    return new ExportStatus(
        true,
        new ExportStatus.Queue(queued.getAsLong(), queueCapacity),
        new ExportStatus.Delivery(
            exported.sum(),
            failed.sum(),
            rejected.sum(),
            lastSuccess,
            lastError,
            lastErrorType,
            consecutiveFailures.get(),
            endpointReachable),
        ExportStatus.Spool.NONE,
        new ExportStatus.Dropped(
            queueFull.sum(), spooling ? 0 : lost, rejected.sum(), 0, 0, spooling ? lost : 0));
  }

  private void delivered(long items) {
    exported.add(items);
    consecutiveFailures.set(0);
    lastSuccess = Instant.now();
    // The collector answered: whatever the start-up probe saw, it is reachable now.
    endpointReachable = true;
  }

  private void failedAttempt(long items, ExportOutcome outcome) {
    failed.add(items);
    consecutiveFailures.incrementAndGet();
    lastErrorType = outcome.type();
    lastError = redactor.redactText(outcome.description());
  }
}
