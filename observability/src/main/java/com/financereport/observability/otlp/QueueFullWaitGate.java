package com.financereport.observability.otlp;

/**
 * Decides whether a log call that finds the in-memory queue full may wait for room, or must hand
 * its record to the overflow (the spool) at once. Waiting is back-pressure against a collector
 * that keeps pace but is busy; it must never become waiting on a collector that is failing,
 * hanging or slow. So waiting is allowed only while the last export the collector answered
 * succeeded within the wait bound:
 *
 * <ul>
 *   <li>a wait that runs out, or any failed export, shuts the gate: later log calls do not wait;
 *   <li>an export that succeeds in less than the wait bound opens it again.
 * </ul>
 *
 * A collector that hangs costs each logging thread at most one wait per episode, and a slow one
 * (each request longer than the bound) none after the first.
 */
final class QueueFullWaitGate implements CountingLogRecordExporter.Outcomes {
  private final long maxWaitNanos;
  private volatile boolean open;

  /** A zero or negative {@code maxWaitNanos} keeps the gate shut: log calls never wait. */
  QueueFullWaitGate(long maxWaitNanos) {
    this.maxWaitNanos = maxWaitNanos;
    this.open = maxWaitNanos > 0;
  }

  /** How long a log call may wait now; 0 when it must not. */
  long allowedWaitNanos() {
    return open ? maxWaitNanos : 0;
  }

  /** A log call waited the full bound without getting room. */
  void waitRanOut() {
    open = false;
  }

  @Override
  public void succeeded(long elapsedNanos) {
    if (maxWaitNanos > 0 && elapsedNanos < maxWaitNanos && !open) {
      open = true;
    }
  }

  @Override
  public void failed() {
    if (open) {
      open = false;
    }
  }
}
