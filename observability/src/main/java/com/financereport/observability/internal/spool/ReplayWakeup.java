package com.financereport.observability.internal.spool;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tells the replayer that records were spooled, so delivery starts without waiting for its idle
 * poll. Created before both the spools that signal it and the replayer that waits on it, which is
 * what keeps them from needing each other. Signals coalesce: one pending wake-up is enough.
 */
final class ReplayWakeup {
  private final BlockingQueue<Boolean> signals = new ArrayBlockingQueue<>(1);

  void signal() {
    signals.offer(Boolean.TRUE);
  }

  /** Waits up to {@code millis} for a signal, consuming it. */
  void await(long millis) throws InterruptedException {
    signals.poll(millis, TimeUnit.MILLISECONDS);
  }
}
