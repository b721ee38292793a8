package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.export.ExportCounters;
import com.financereport.observability.internal.export.ExportOutcome;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The dispatch stage, right after the batch processor. It frees the records' queue slots as soon
 * as the processor hands them over, counts each batch's final outcome (nothing behind it tries
 * again: the spool, when there is one, has already done what it can), and lets the processor
 * start the next export while earlier ones are still on the wire, up to a fixed number at once.
 * The SDK's processor waits for each export to finish before it takes the next batch, so one
 * collector round trip at a time would bound the rate while the cores idle.
 *
 * <p>The result handed back to the processor therefore says "there is room for the next batch",
 * not "delivered": each attempt is counted by the {@link SendStage}, each batch's end here. {@link
 * #flush} and {@link #shutdown} wait for every export in flight, so a flush still means delivered
 * (or settled).
 *
 * <p>Each batch is copied before it goes on: the processor reuses its list for the next batch.
 */
final class ConcurrentExports implements LogRecordExporter {
  private final LogRecordExporter delegate;
  private final int maxInFlight;
  private final QueueSlots slots;
  private final ExportCounters counters;
  private final List<CompletableResultCode> inFlight = new ArrayList<>();
  private CompletableResultCode room;

  /**
   * @param delegate where a batch goes: the spool stage, or the send stage without a spool
   */
  ConcurrentExports(
      LogRecordExporter delegate, int maxInFlight, QueueSlots slots, ExportCounters counters) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    this.delegate = delegate;
    this.maxInFlight = maxInFlight;
    this.slots = slots;
    this.counters = counters;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    // The processor clears and refills its batch list as soon as this returns, while the chain
    // below may still read it (a failed export is spooled from the list in a callback).
    CompletableResultCode result = settledWhenDone(List.copyOf(logs));
    synchronized (inFlight) {
      if (!result.isDone()) {
        inFlight.add(result);
      }
    }
    result.whenComplete(() -> finished(result));
    return roomForNext();
  }

  private CompletableResultCode settledWhenDone(List<LogRecordData> batch) {
    int count = batch.size();
    slots.handedOff(count);
    CompletableResultCode result;
    try {
      result = delegate.export(batch);
    } catch (RuntimeException e) {
      // An exporter must not throw; if one does, the batch is still accounted for.
      counters.settled(ExportOutcome.ofFailure(e), count);
      slots.settled(count);
      return CompletableResultCode.ofExceptionalFailure(e);
    }
    result.whenComplete(
        () -> {
          if (!result.isSuccess()) {
            counters.settled(ExportOutcome.of(result), count);
          }
          slots.settled(count);
        });
    return result;
  }

  private void finished(CompletableResultCode result) {
    CompletableResultCode freed = null;
    synchronized (inFlight) {
      inFlight.remove(result);
      if (room != null && inFlight.size() < maxInFlight) {
        freed = room;
        room = null;
      }
    }
    if (freed != null) {
      freed.succeed();
    }
  }

  /** Completes at once while fewer than the limit are in flight, else when one finishes. */
  private CompletableResultCode roomForNext() {
    synchronized (inFlight) {
      if (inFlight.size() < maxInFlight) {
        return CompletableResultCode.ofSuccess();
      }
      if (room == null) {
        room = new CompletableResultCode();
      }
      return room;
    }
  }

  /** Completes when every export started so far has finished. */
  CompletableResultCode idle() {
    synchronized (inFlight) {
      return CompletableResultCode.ofAll(List.copyOf(inFlight));
    }
  }

  /**
   * Completes as {@code outcome} does, but only once the exports started by then have finished:
   * for a flush of the processor in front, which is done when its last batch is handed over.
   */
  CompletableResultCode afterIdle(CompletableResultCode outcome) {
    CompletableResultCode settled = new CompletableResultCode();
    outcome.whenComplete(() -> idle().whenComplete(() -> settle(outcome, settled)));
    return settled;
  }

  @Override
  public CompletableResultCode flush() {
    CompletableResultCode flushed = new CompletableResultCode();
    idle().whenComplete(() -> settle(delegate.flush(), flushed));
    return flushed;
  }

  @Override
  public CompletableResultCode shutdown() {
    CompletableResultCode stopped = new CompletableResultCode();
    idle().whenComplete(() -> settle(delegate.shutdown(), stopped));
    return stopped;
  }

  private static void settle(CompletableResultCode from, CompletableResultCode to) {
    from.whenComplete(
        () -> {
          if (from.isSuccess()) {
            to.succeed();
          } else {
            to.fail();
          }
        });
  }
}
