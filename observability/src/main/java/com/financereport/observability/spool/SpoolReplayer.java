package com.financereport.observability.spool;

import com.financereport.observability.internal.export.ExportOutcome;
import com.financereport.observability.otlp.response.PartialSuccessException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that sends spooled records, oldest first, as soon as the collector answers
 * again. It opens the spool (taking over what an earlier run left) so the thread that builds the
 * pipeline never touches the disk. After a retryable failure it waits with exponential backoff and
 * jitter, then tries the same batch again; a batch the collector refuses for good goes to the dead
 * letters and is skipped.
 */
final class SpoolReplayer {
  private static final Logger logger = LoggerFactory.getLogger(SpoolReplayer.class);
  private static final long IDLE_WAIT_MILLIS = 500;

  private final DiskSpool spool;
  private final LogRecordExporter delegate;
  private final DeadLetterFile deadLetters;
  private final SpoolCounters counters;
  private final CollectorOutage outage;
  private final int batchSize;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration exportTimeout;
  private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean paused;
  // Read from the spool and not yet delivered; only the replayer's thread touches it.
  private SpoolBatch pending;

  SpoolReplayer(
      DiskSpool spool,
      LogRecordExporter delegate,
      DeadLetterFile deadLetters,
      SpoolCounters counters,
      CollectorOutage outage,
      int batchSize,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration exportTimeout) {
    this.spool = spool;
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
    try {
      deliverUntilStopped();
    } finally {
      if (pending != null) {
        spool.release(pending); // stays on disk for the next run, or is counted if it is gone
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
        if (pending == null) {
          pending = spool.read(batchSize);
        }
        if (pending == null) {
          waitForWakeup(IDLE_WAIT_MILLIS);
          continue;
        }
        if (pending.records().isEmpty()) {
          spool.acknowledge(pending);
          pending = null;
          continue;
        }
        CompletableResultCode result =
            delegate.export(pending.records()).join(exportTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!running) {
          break;
        }
        if (result.isSuccess()) {
          outage.ended();
          counters.replayed.addAndGet(pending.records().size());
          spool.acknowledge(pending);
          pending = null;
          backoffMillis = initialBackoff.toMillis();
          if (outageReported) {
            outageReported = false;
            logger.info("The collector accepts spooled log records again; delivering the backlog");
          }
          continue;
        }
        ExportOutcome failure = ExportOutcome.of(result);
        if (!failure.retryable()) {
          int size = pending.records().size();
          long refused = PartialSuccessException.undelivered(result.getFailureThrowable(), size);
          counters.replayed.addAndGet(size - refused);
          counters.dropped.addAndGet(refused); // no export result reports these
          deadLetters.append(pending.records(), refused, failure.reason());
          spool.acknowledge(pending);
          pending = null;
          continue;
        }
        outage.began();
        if (!outageReported) {
          outageReported = true;
          logger.info(
              "The collector is unavailable ({}); {} log record(s) wait in the spool and are retried"
                  + " with backoff",
              failure.reason(),
              spool.spooledRecords());
        }
        sleep(jittered(backoffMillis));
        backoffMillis = Math.min(maxBackoff.toMillis(), backoffMillis * 2);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException e) {
        // A bug here must not end delivery for the life of the process.
        logger.warn("Spool replay failed unexpectedly; retrying", e);
        if (pending != null) {
          spool.release(pending);
        }
        pending = null;
        try {
          sleep(maxBackoff.toMillis());
        } catch (InterruptedException interrupted) {
          if (!running) {
            break;
          }
        }
      }
    }
  }

  private void waitForWakeup(long millis) throws InterruptedException {
    wakeups.poll(millis, TimeUnit.MILLISECONDS);
  }

  private static void sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  private static long jittered(long millis) {
    // +-20% so that many services restarting together do not retry in lock step.
    return Math.max(1, (long) (millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
  }
}
