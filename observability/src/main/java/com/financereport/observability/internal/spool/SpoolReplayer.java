package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.export.ExportOutcome;
import com.financereport.observability.internal.export.PartialSuccessException;
import com.financereport.observability.internal.export.Sender;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The background thread that sends spooled records, oldest first, as soon as the collector answers
 * again: this process's own spool first, then those it adopted from instances that died. It opens
 * the spool (taking over what an earlier run left) so the thread that builds the pipeline never
 * touches the disk. After a retryable failure it waits with exponential backoff and jitter, then
 * tries the same batch again; a batch the collector refuses for good goes to the dead letters and
 * is skipped. A record whose resource names another owner is never sent: it goes to the dead
 * letters too.
 *
 * <p>At shutdown ({@link #finishBy}) it retries quickly instead of backing off, so a collector that
 * comes back during the shutdown window still receives what fits in it, and it never waits on a
 * request past the cutoff.
 */
final class SpoolReplayer {
  private final Logger logger;
  private static final long IDLE_WAIT_MILLIS = 500;
  private static final long SHUTDOWN_RETRY_MILLIS = 100;
  // At shutdown fewer, larger requests drain faster; a crash then re-sends more, but rarely.
  private static final int SHUTDOWN_BATCH_SIZE = 2048;
  private static final long NOT_SHUTTING_DOWN = Long.MAX_VALUE;

  private final DiskSpool spool;
  private final AdoptedSpools adopted;
  private final ForeignRecordFilter foreignRecords;
  private final Sender delegate;
  private final DeadLetterFile deadLetters;
  private final SpoolCounters counters;
  private final CollectorOutage outage;
  private final ReplayWakeup wakeup;
  private final ReplaySettings settings;
  private final CountDownLatch shutdownBegan = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean paused;
  private volatile long cutoffNanos = NOT_SHUTTING_DOWN;
  // Read from a spool and not yet delivered; only the replayer's thread touches it.
  private ReplayBatch pending;

  SpoolReplayer(
      DiskSpool spool,
      AdoptedSpools adopted,
      ForeignRecordFilter foreignRecords,
      Sender delegate,
      DeadLetterFile deadLetters,
      SpoolCounters counters,
      CollectorOutage outage,
      ReplayWakeup wakeup,
      ReplaySettings settings,
      Logger logger) {
    this.logger = logger;
    this.spool = spool;
    this.adopted = adopted;
    this.foreignRecords = foreignRecords;
    this.delegate = delegate;
    this.deadLetters = deadLetters;
    this.counters = counters;
    this.outage = outage;
    this.wakeup = wakeup;
    this.settings = settings;
    this.thread = new Thread(this::run, "observability-spool-replayer");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Stops sending (records stay on disk for the next run); upkeep continues. */
  void pause() {
    paused = true;
    wakeup.signal();
  }

  /**
   * The process is ending: deliver what can be delivered until {@code cutoffNanos} (a {@link
   * System#nanoTime} value), retrying every 100 ms instead of backing off.
   */
  void finishBy(long cutoffNanos) {
    this.cutoffNanos = cutoffNanos;
    paused = false;
    shutdownBegan.countDown(); // out of a long backoff at once
    wakeup.signal();
  }

  /** Records waiting in the spools this process adopted. */
  long adoptedRecords() {
    return adopted.records();
  }

  /** Whether every spool, own and adopted, is delivered. */
  boolean drained() {
    return !spool.hasBacklog() && adoptedRecords() == 0;
  }

  /** Stops the thread, waiting at most {@code bound}; an unfinished batch stays on disk. */
  void stop(Duration bound) {
    running = false;
    thread.interrupt();
    try {
      thread.join(Math.max(1, bound.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    spool.open();
    adopted.adoptDeadInstances();
    try {
      deliverUntilStopped();
    } finally {
      releasePending(); // stays on disk for the next run, or is counted if gone
      adopted.closeAll();
    }
  }

  private void deliverUntilStopped() {
    long backoffMillis = settings.initialBackoff().toMillis();
    boolean outageReported = false;
    while (running) {
      try {
        spool.maintain();
        if (paused) {
          waitForWakeup(IDLE_WAIT_MILLIS);
          continue;
        }
        if (pending == null && !takeNextBatch()) {
          if (!shuttingDown()) {
            adopted.adoptIfDue();
          }
          waitForWakeup(shuttingDown() ? SHUTDOWN_RETRY_MILLIS : IDLE_WAIT_MILLIS);
          continue;
        }
        List<LogRecordData> owned = pending.toSend();
        if (owned.isEmpty()) {
          acknowledgePending();
          continue;
        }
        CompletableResultCode result =
            delegate.export(owned).join(exportWaitMillis(), TimeUnit.MILLISECONDS);
        if (!running || (shuttingDown() && !result.isDone() && millisToCutoff() <= 0)) {
          break; // the batch stays on disk for the next start
        }
        if (result.isSuccess()) {
          outage.ended();
          counters.replayed.addAndGet(owned.size());
          acknowledgePending();
          backoffMillis = settings.initialBackoff().toMillis();
          if (outageReported) {
            outageReported = false;
            logger.info("The collector accepts spooled log records again; delivering the backlog");
          }
          continue;
        }
        ExportOutcome failure = ExportOutcome.of(result);
        if (!failure.retryable()) {
          int size = owned.size();
          long refused = PartialSuccessException.undelivered(result.getFailureThrowable(), size);
          counters.replayed.addAndGet(size - refused);
          counters.dropped.addAndGet(refused); // no export result reports these
          counters.refusedOnReplay.addAndGet(refused);
          deadLetters.append(owned, refused, failure.reason());
          acknowledgePending();
          continue;
        }
        outage.began();
        if (!outageReported) {
          outageReported = true;
          logger.info(
              "The collector is unavailable ({}); {} log record(s) wait in the spool and are retried"
                  + " with backoff",
              failure.reason(),
              spool.spooledRecords() + adoptedRecords());
        }
        if (shuttingDown()) {
          Thread.sleep(Math.max(1, Math.min(SHUTDOWN_RETRY_MILLIS, millisToCutoff())));
        } else {
          shutdownBegan.await(jittered(backoffMillis), TimeUnit.MILLISECONDS);
          backoffMillis = Math.min(settings.maxBackoff().toMillis(), backoffMillis * 2);
        }
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException e) {
        // A bug here must not end delivery for the life of the process.
        logger.warn("Spool replay failed unexpectedly; retrying", e);
        releasePending();
        try {
          Thread.sleep(settings.maxBackoff().toMillis());
        } catch (InterruptedException interrupted) {
          if (!running) {
            break;
          }
        }
      }
    }
  }

  /** The next batch: from this process's spool, else from an adopted one. */
  private boolean takeNextBatch() {
    int size = shuttingDown() ? Math.max(settings.batchSize(), SHUTDOWN_BATCH_SIZE) : settings.batchSize();
    SpoolBatch own = spool.read(size);
    ReplayBatch read = own != null ? new ReplayBatch(spool, own, List.of()) : adopted.read(size);
    // Once per batch read: a retry of the same batch must not set the records aside again.
    pending = read == null ? null : foreignRecords.split(read);
    return pending != null;
  }

  private void acknowledgePending() {
    if (!pending.foreign().isEmpty()) {
      SpoolOwner writer = SpoolOwner.of(pending.foreign().get(0).getResource());
      deadLetters.append(
          pending.foreign(),
          pending.foreign().size(),
          "written by " + writer + ", not by this service (" + foreignRecords.owner()
              + "); never sent under it");
    }
    pending.source().acknowledge(pending.batch());
    pending = null;
  }

  private void releasePending() {
    if (pending != null) {
      pending.source().release(pending.batch());
      pending = null;
    }
  }

  private boolean shuttingDown() {
    return cutoffNanos != NOT_SHUTTING_DOWN;
  }

  private long millisToCutoff() {
    return TimeUnit.NANOSECONDS.toMillis(cutoffNanos - System.nanoTime());
  }

  private long exportWaitMillis() {
    long wait = settings.exportTimeout().toMillis();
    return shuttingDown() ? Math.max(1, Math.min(wait, millisToCutoff())) : wait;
  }

  private void waitForWakeup(long millis) throws InterruptedException {
    wakeup.await(millis);
  }

  private static long jittered(long millis) {
    // +-20% so that many services restarting together do not retry in lock step.
    return Math.max(1, (long) (millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
  }
}
