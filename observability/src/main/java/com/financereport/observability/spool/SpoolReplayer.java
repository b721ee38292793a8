package com.financereport.observability.spool;

import com.financereport.observability.internal.export.ExportOutcome;
import com.financereport.observability.internal.export.PartialSuccessException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
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
  private static final long ADOPTION_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long NOT_SHUTTING_DOWN = Long.MAX_VALUE;

  private final DiskSpool spool;
  private final Supplier<List<DiskSpool>> adoption;
  private final SpoolOwner owner;
  private final LogRecordExporter delegate;
  private final DeadLetterFile deadLetters;
  private final SpoolCounters counters;
  private final CollectorOutage outage;
  private final int batchSize;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration exportTimeout;
  private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
  private final List<DiskSpool> adopted = new CopyOnWriteArrayList<>();
  private final CountDownLatch shutdownBegan = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean paused;
  private volatile long cutoffNanos = NOT_SHUTTING_DOWN;
  private long lastAdoptionNanos;
  // Read from a spool and not yet delivered; only the replayer's thread touches these.
  private SpoolBatch pending;
  private DiskSpool pendingFrom;
  // Records of the pending batch written under another owner: set aside once it is acknowledged.
  private List<LogRecordData> pendingForeign;
  private Resource lastResource;
  private boolean lastResourceOwned;

  SpoolReplayer(
      DiskSpool spool,
      Supplier<List<DiskSpool>> adoption,
      SpoolOwner owner,
      LogRecordExporter delegate,
      DeadLetterFile deadLetters,
      SpoolCounters counters,
      CollectorOutage outage,
      int batchSize,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration exportTimeout,
      Logger logger) {
    this.logger = logger;
    this.spool = spool;
    this.adoption = adoption;
    this.owner = owner;
    this.delegate = delegate;
    this.deadLetters = deadLetters;
    this.counters = counters;
    this.outage = outage;
    this.batchSize = batchSize;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.exportTimeout = exportTimeout;
    this.thread = new Thread(this::run, "observability-spool-replayer");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Called after each append: delivery starts without waiting for the idle poll. */
  void wake() {
    wakeups.offer(Boolean.TRUE);
  }

  /** Stops sending (records stay on disk for the next run); upkeep continues. */
  void pause() {
    paused = true;
    wake();
  }

  /**
   * The process is ending: deliver what can be delivered until {@code cutoffNanos} (a {@link
   * System#nanoTime} value), retrying every 100 ms instead of backing off.
   */
  void finishBy(long cutoffNanos) {
    this.cutoffNanos = cutoffNanos;
    paused = false;
    shutdownBegan.countDown(); // out of a long backoff at once
    wake();
  }

  /** Records waiting in the spools this process adopted. */
  long adoptedRecords() {
    long total = 0;
    for (DiskSpool spool : adopted) {
      total += spool.spooledRecords();
    }
    return total;
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
    adoptDeadInstances();
    try {
      deliverUntilStopped();
    } finally {
      if (pending != null) {
        pendingFrom.release(pending); // stays on disk for the next run, or is counted if gone
      }
      for (DiskSpool other : adopted) {
        other.close(); // what is left stays for the next process to adopt
      }
    }
  }

  private void adoptDeadInstances() {
    lastAdoptionNanos = System.nanoTime();
    for (DiskSpool found : adoption.get()) {
      if (found.open() && found.hasBacklog()) {
        adopted.add(found);
        logger.info(
            "Adopted the spool of a stopped instance of this service: {} log record(s) in {}",
            found.spooledRecords(),
            found.directory());
      } else {
        found.closeAndRemoveIfEmpty();
      }
    }
  }

  private void deliverUntilStopped() {
    long backoffMillis = initialBackoff.toMillis();
    boolean outageReported = false;
    while (running) {
      try {
        spool.maintain();
        if (paused) {
          waitForWakeup(IDLE_WAIT_MILLIS);
          continue;
        }
        if (pending == null && !takeNextBatch()) {
          if (cutoffNanos == NOT_SHUTTING_DOWN
              && System.nanoTime() - lastAdoptionNanos > ADOPTION_INTERVAL_NANOS) {
            adoptDeadInstances();
          }
          waitForWakeup(shuttingDown() ? SHUTDOWN_RETRY_MILLIS : IDLE_WAIT_MILLIS);
          continue;
        }
        List<LogRecordData> owned = pending.records();
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
          backoffMillis = initialBackoff.toMillis();
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
          backoffMillis = Math.min(maxBackoff.toMillis(), backoffMillis * 2);
        }
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException e) {
        // A bug here must not end delivery for the life of the process.
        logger.warn("Spool replay failed unexpectedly; retrying", e);
        if (pending != null) {
          pendingFrom.release(pending);
        }
        pending = null;
        pendingForeign = null;
        try {
          Thread.sleep(maxBackoff.toMillis());
        } catch (InterruptedException interrupted) {
          if (!running) {
            break;
          }
        }
      }
    }
  }

  /** The next batch: from this process's spool, else from an adopted one (removed once empty). */
  private boolean takeNextBatch() {
    int size = shuttingDown() ? Math.max(batchSize, SHUTDOWN_BATCH_SIZE) : batchSize;
    pending = spool.read(size);
    pendingFrom = spool;
    while (pending == null && !adopted.isEmpty()) {
      DiskSpool other = adopted.get(0);
      pending = other.read(size);
      pendingFrom = other;
      if (pending == null && !other.hasBacklog()) {
        adopted.remove(other);
        other.closeAndRemoveIfEmpty();
      } else if (pending == null) {
        break;
      }
    }
    if (pending == null) {
      return false;
    }
    // Once per batch read: a retry of the same batch must not set the records aside again.
    List<LogRecordData> owned = setAsideForeignRecords(pending.records());
    if (owned != pending.records()) {
      pending =
          new SpoolBatch(
              pending.segmentSequence(),
              pending.endOffset(),
              pending.lineCount(),
              owned,
              pending.lastObservedNanos());
    }
    return true;
  }

  private void acknowledgePending() {
    if (pendingForeign != null) {
      SpoolOwner writer = SpoolOwner.of(pendingForeign.get(0).getResource());
      deadLetters.append(
          pendingForeign,
          pendingForeign.size(),
          "written by " + writer + ", not by this service (" + owner + "); never sent under it");
      pendingForeign = null;
    }
    pendingFrom.acknowledge(pending);
    pending = null;
  }

  /**
   * The records written under this spool's owner; the others were written by another service (an
   * older spool layout, or a folder copied by hand) and go to the dead letters, never to the
   * collector, once the batch is acknowledged.
   */
  private List<LogRecordData> setAsideForeignRecords(List<LogRecordData> records) {
    List<LogRecordData> foreign = null;
    List<LogRecordData> owned = records;
    for (int i = 0; i < records.size(); i++) {
      LogRecordData record = records.get(i);
      if (ownedByThisService(record.getResource())) {
        if (foreign != null) {
          owned.add(record);
        }
        continue;
      }
      if (foreign == null) {
        foreign = new ArrayList<>();
        owned = new ArrayList<>(records.subList(0, i));
      }
      foreign.add(record);
    }
    pendingForeign = foreign;
    return owned;
  }

  private boolean ownedByThisService(Resource resource) {
    // The codec shares one Resource instance among the records it decodes, so this is one check.
    if (resource != lastResource) {
      lastResource = resource;
      lastResourceOwned = owner.wrote(resource);
    }
    return lastResourceOwned;
  }

  private boolean shuttingDown() {
    return cutoffNanos != NOT_SHUTTING_DOWN;
  }

  private long millisToCutoff() {
    return TimeUnit.NANOSECONDS.toMillis(cutoffNanos - System.nanoTime());
  }

  private long exportWaitMillis() {
    long wait = exportTimeout.toMillis();
    return shuttingDown() ? Math.max(1, Math.min(wait, millisToCutoff())) : wait;
  }

  private void waitForWakeup(long millis) throws InterruptedException {
    wakeups.poll(millis, TimeUnit.MILLISECONDS);
  }

  private static long jittered(long millis) {
    // +-20% so that many services restarting together do not retry in lock step.
    return Math.max(1, (long) (millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
  }
}
