package com.financereport.observability.spool;

import com.financereport.observability.internal.export.ExportOutcome;
import com.financereport.observability.otlp.response.PartialSuccessException;
import com.financereport.observability.settings.SpoolSettings;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps log records on disk while the collector cannot take them, and delivers them, oldest first,
 * when it can. Wraps the real exporter:
 *
 * <ul>
 *   <li>No backlog: the batch goes to the real exporter. A retryable failure (connection refused or
 *       reset, timeout, 429, 502, 503, 504) writes it to the spool; a rejection (other 4xx/5xx, or
 *       a partial success) goes to the dead-letter file and is not retried.
 *   <li>Backlog on disk during an outage (the last attempt, live or replayed, failed retryably): the
 *       batch is appended behind it without a network attempt, so order holds and only the
 *       replayer probes the collector, with backoff.
 *   <li>Backlog on disk without an outage (the in-memory queue overflowed, or the replayer is still
 *       catching up after one): the batch goes to the collector at once; the backlog drains beside
 *       it, oldest first.
 *   <li>A background replayer sends the spool, including what an earlier run of the same service
 *       left in the same directory.
 * </ul>
 *
 * <p>The result of {@link #export} says whether the records are safe: success when the collector
 * accepted them or they are on disk; failure only when they are lost (refused for good, or the
 * spool could not keep them). A loss reported through a failed result is not counted again in
 * {@link SpoolStats#dropped()}, so a caller that counts failed results as dropped can add the
 * spool's {@code dropped}, {@code droppedForBudget} and {@code corruptSkipped} without counting
 * anything twice. Count network outcomes below this exporter: the replayer sends through the same
 * delegate, so a counting delegate sees every attempt, first or replayed.
 *
 * <p>No method blocks its caller on disk or network except {@link #flush}, {@link #flushToDisk}
 * and {@link #shutdown}, which wait at most their bound.
 */
public final class SpoolingLogRecordExporter implements LogRecordExporter {
  private static final int OVERFLOW_HANDOFF_BATCHES = 256;

  private final LogRecordExporter delegate;
  private final SpoolCounters counters = new SpoolCounters();
  private final DiskSpool spool;
  private final DeadLetterFile deadLetters;
  private final SpoolReplayer replayer;
  private final ThreadPoolExecutor diskWriter;
  private final Duration shutdownTimeout;
  private final Set<CompletableResultCode> inFlight = ConcurrentHashMap.newKeySet();
  private final CollectorOutage outage = new CollectorOutage();
  private volatile boolean diskOnly;
  private volatile boolean shutDown;

  private SpoolingLogRecordExporter(Builder builder) {
    this.delegate = builder.delegate;
    this.shutdownTimeout = builder.shutdownTimeout;
    SpoolRecordCodec codec = new SpoolRecordCodec();
    SpoolSettings settings = builder.settings;
    long segmentBytes = Math.max(64 * 1024, Math.min(8L << 20, settings.maxBytes() / 16));
    // The replayer is created below; the spool wakes it through this indirection.
    SpoolReplayer[] wakeTarget = new SpoolReplayer[1];
    this.spool =
        new DiskSpool(
            settings.directory(),
            settings.maxBytes(),
            settings.maxAge().toMillis(),
            segmentBytes,
            builder.fsyncInterval.toMillis(),
            System::currentTimeMillis,
            counters,
            codec,
            () -> wakeTarget[0].wake());
    this.deadLetters =
        new DeadLetterFile(
            settings.directory(), Math.max(1 << 20, settings.maxBytes() / 16), codec, counters);
    this.replayer =
        new SpoolReplayer(
            spool,
            delegate,
            deadLetters,
            counters,
            outage,
            builder.replayBatchSize,
            builder.initialBackoff,
            builder.maxBackoff,
            builder.replayExportTimeout);
    wakeTarget[0] = replayer;
    this.diskWriter =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(OVERFLOW_HANDOFF_BATCHES),
            runnable -> {
              Thread thread = new Thread(runnable, "observability-spool-writer");
              thread.setDaemon(true);
              return thread;
            });
    replayer.start();
  }

  /** A spooling exporter with the defaults: replay backoff 1 s to 30 s, fsync at most every 1 s. */
  public static SpoolingLogRecordExporter create(LogRecordExporter delegate, SpoolSettings settings) {
    return builder(delegate, settings).build();
  }

  public static Builder builder(LogRecordExporter delegate, SpoolSettings settings) {
    return new Builder(delegate, settings);
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> records) {
    if (diskOnly || shutDown || (outage.ongoing() && spool.hasBacklog())) {
      return spool.append(records) ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
    }
    CompletableResultCode result = new CompletableResultCode();
    CompletableResultCode attempt = delegate.export(records);
    inFlight.add(attempt);
    attempt.whenComplete(
        () -> {
          try {
            if (attempt.isSuccess()) {
              outage.ended();
              result.succeed();
              return;
            }
            Throwable cause = attempt.getFailureThrowable();
            ExportOutcome failure = ExportOutcome.ofFailure(cause);
            if (failure.retryable()) {
              outage.began();
            }
            // On the exporter's thread, never the application's.
            if (failure.retryable() && spool.append(records)) {
              result.succeed();
              return;
            }
            if (!failure.retryable()) {
              deadLetters.append(
                  records,
                  PartialSuccessException.undelivered(cause, records.size()),
                  failure.reason());
            }
            if (cause != null) {
              result.failExceptionally(cause);
            } else {
              result.fail();
            }
          } finally {
            inFlight.remove(attempt);
          }
        });
    return result;
  }

  /**
   * Takes records the in-memory queue could not hold and spools them on a background thread; the
   * caller (possibly an application thread) never waits. When even the hand-off is full they are
   * counted as dropped.
   */
  public void accept(Collection<LogRecordData> overflow) {
    List<LogRecordData> copy = new ArrayList<>(overflow);
    spoolInBackground(copy.size(), () -> copy);
  }

  /**
   * As {@link #accept}, for records straight from the SDK: their immutable copies are made on the
   * spool's thread, not the caller's. The SDK no longer changes a record once it is emitted.
   */
  public void acceptEmitted(List<? extends ReadWriteLogRecord> overflow) {
    spoolInBackground(
        overflow.size(),
        () -> {
          List<LogRecordData> copies = new ArrayList<>(overflow.size());
          overflow.forEach(record -> copies.add(record.toLogRecordData()));
          return copies;
        });
  }

  private void spoolInBackground(int count, Supplier<List<LogRecordData>> records) {
    if (count == 0) {
      return;
    }
    try {
      diskWriter.execute(
          () -> {
            if (!spool.append(records.get())) {
              counters.dropped.addAndGet(count);
            }
          });
    } catch (RuntimeException rejected) {
      counters.dropped.addAndGet(count); // hand-off full or shut down
    }
  }

  /**
   * From now on, writes batches to disk instead of sending them, and stops replay; the next run of
   * the service delivers them. Call it before shutting the log pipeline down when the collector is
   * unreachable, so the shutdown is bounded by disk speed, not network timeouts. Completes when
   * in-flight work is on disk or the shutdown bound has passed.
   */
  public CompletableResultCode flushToDisk() {
    diskOnly = true;
    replayer.pause();
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    awaitInFlight(deadline);
    awaitDiskWriter(deadline);
    spool.force();
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    CompletableResultCode delegated = delegate.flush();
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    awaitDiskWriter(deadline);
    spool.force();
    return delegated;
  }

  /**
   * Waits (within the shutdown bound) for batches in flight to land on disk or at the collector,
   * stops the replayer, syncs and closes the spool, then shuts the real exporter down. Records
   * still on disk are delivered by the next run.
   */
  @Override
  public CompletableResultCode shutdown() {
    if (shutDown) {
      return CompletableResultCode.ofSuccess();
    }
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    awaitInFlight(deadline);
    shutDown = true;
    replayer.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    diskWriter.shutdown();
    awaitDiskWriter(deadline);
    spool.close();
    return delegate.shutdown();
  }

  /** The spool's figures now; cheap enough to call for every health request. */
  public SpoolStats stats() {
    return new SpoolStats(
        spool.spooledRecords(),
        spool.spooledBytes(),
        spool.oldestSpooledAgeMillis(),
        counters.replayed.get(),
        counters.droppedForBudget.get(),
        counters.corruptSkipped.get(),
        counters.deadLettered.get(),
        counters.dropped.get());
  }

  private void awaitInFlight(long deadlineNanos) {
    for (CompletableResultCode attempt : List.copyOf(inFlight)) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      attempt.join(remaining, TimeUnit.NANOSECONDS);
    }
  }

  private void awaitDiskWriter(long deadlineNanos) {
    // Queue a marker and wait for it: everything handed off before it is then on disk.
    CompletableResultCode marker = new CompletableResultCode();
    try {
      diskWriter.execute(marker::succeed);
    } catch (RuntimeException rejected) {
      try {
        diskWriter.awaitTermination(
            Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    marker.join(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Directory, byte budget and age come from {@link SpoolSettings}; the rest has defaults. */
  public static final class Builder {
    private final LogRecordExporter delegate;
    private final SpoolSettings settings;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private Duration fsyncInterval = Duration.ofSeconds(1);
    private Duration replayExportTimeout = Duration.ofSeconds(30);
    private int replayBatchSize = 256;

    private Builder(LogRecordExporter delegate, SpoolSettings settings) {
      this.delegate = delegate;
      this.settings = settings;
    }

    /** Wait after a failed replay, doubling up to {@code max}; default 1 s to 30 s. */
    public Builder replayBackoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** Bound for {@link #flushToDisk} and {@link #shutdown}; default 5 s. */
    public Builder shutdownTimeout(Duration timeout) {
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * Records per replayed request; small enough that a crash mid-replay re-sends little (under 1%
     * of a 30,000-record backlog). Default 256.
     */
    public Builder replayBatchSize(int records) {
      this.replayBatchSize = records;
      return this;
    }

    /** At most one fsync per interval (and one per segment roll); default 1 s. */
    Builder fsyncInterval(Duration interval) {
      this.fsyncInterval = interval;
      return this;
    }

    public SpoolingLogRecordExporter build() {
      return new SpoolingLogRecordExporter(this);
    }
  }
}
