package com.financereport.observability.internal.spool;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The end of the spooling exporter, with one deadline: until a cutoff shortly before it, what is
 * queued and spooled goes to the collector; at the cutoff, what is still on the wire or queued goes
 * to disk, the replayer stops, and the spool closes and releases its lock by the deadline.
 */
final class SpoolShutdown {
  private final LiveExport live;
  private final OverflowWriter overflow;
  private final SpoolReplayer replayer;
  private final DiskSpool spool;
  private final LogRecordExporter delegate;
  private final CompletableResultCode closed = new CompletableResultCode();
  private volatile boolean closeRequested;
  private Thread finisher; // guarded by this
  private long deadlineNanos;
  private long cutoffNanos;

  SpoolShutdown(
      LiveExport live,
      OverflowWriter overflow,
      SpoolReplayer replayer,
      DiskSpool spool,
      LogRecordExporter delegate) {
    this.live = live;
    this.overflow = overflow;
    this.replayer = replayer;
    this.spool = spool;
    this.delegate = delegate;
  }

  /** Starts the end by {@code deadlineNanos} (a {@link System#nanoTime} value); later calls do nothing. */
  synchronized void begin(long deadlineNanos, boolean collectorFailing) {
    if (finisher != null) {
      return;
    }
    long window = Math.max(0, deadlineNanos - System.nanoTime());
    this.deadlineNanos = deadlineNanos;
    this.cutoffNanos = deadlineNanos - reserveNanos(window);
    if (collectorFailing) {
      live.diskOnly();
    }
    replayer.finishBy(cutoffNanos);
    finisher = new Thread(this::finish, "observability-spool-shutdown");
    finisher.setDaemon(true);
    finisher.start();
  }

  /**
   * The batch processor has handed over everything: the end may come as soon as all is delivered.
   * Completes once the spool is closed.
   */
  CompletableResultCode closeWhenDone() {
    closeRequested = true;
    return closed;
  }

  /**
   * What is kept back from the window for writing the rest to disk and closing: a quarter of it,
   * between 50 ms and 1 s. The spool writes about a million records a second on an idle machine;
   * the margin is for a busy one.
   */
  private static long reserveNanos(long windowNanos) {
    return Math.max(
        TimeUnit.MILLISECONDS.toNanos(50), Math.min(TimeUnit.SECONDS.toNanos(1), windowNanos / 4));
  }

  private void finish() {
    // Deliver while there is time and anything to deliver.
    while (System.nanoTime() - cutoffNanos < 0 && !(closeRequested && delivered())) {
      pause(10);
    }
    // From here on nothing waits on the network: what is left goes to disk.
    live.diskOnly();
    live.spoolInFlight();
    replayer.stop(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
    // The batch processor hands over what it held behind the requests just settled, then closes.
    while (!closeRequested && System.nanoTime() - deadlineNanos < 0) {
      pause(5);
    }
    overflow.close(deadlineNanos);
    spool.close();
    delegate.shutdown(); // not awaited: a hanging collector must not hold the process
    closed.succeed();
  }

  private boolean delivered() {
    return live.idle() && overflow.idle() && replayer.drained();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
