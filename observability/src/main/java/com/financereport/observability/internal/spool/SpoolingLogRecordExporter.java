package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.export.Sender;
import com.financereport.observability.settings.SpoolSettings;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

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
 *   <li>Each process works in an instance folder of its own under the service's spool directory,
 *       held with an exclusive lock; it adopts the folders of instances that died (lock free,
 *       same service.name and deployment.environment) and replays them too. A record is replayed
 *       only when the resource it was written with names this service.
 * </ul>
 *
 * <p>Shutdown has one deadline ({@link #beginShutdown}): until shortly before it, what is queued
 * and spooled goes to the collector; then whatever is still in flight or queued goes to disk, the
 * lock is released and the spool closes, all by the deadline.
 *
 * <p>The result of {@link #export} says whether the records are safe: success when the collector
 * accepted them or they are on disk; failure only when they are lost (refused for good, or the
 * spool could not keep them). A loss reported through a failed result is not counted again in
 * {@link SpoolStats#dropped()}, so a caller that counts failed results as dropped can add the
 * spool's {@code dropped}, {@code droppedForBudget} and {@code corruptSkipped} without counting
 * anything twice. Live batches and the replayer send through the one {@link Sender}, so a counting
 * sender sees every attempt, first or replayed.
 *
 * <p>No method blocks its caller on disk or network except {@link #flush}, {@link #flushToDisk}
 * and {@link #shutdown}, which wait at most their bound.
 */
public final class SpoolingLogRecordExporter implements LogRecordExporter {
  private final Sender delegate;
  private final Duration shutdownTimeout;
  private final SpoolCounters counters = new SpoolCounters();
  private final CollectorOutage outage = new CollectorOutage();
  private final DiskSpool spool;
  private final SpoolReplayer replayer;
  private final OverflowWriter overflow;
  private final LiveExport live;
  private final SpoolShutdown shutdown;

  private SpoolingLogRecordExporter(Builder builder) {
    this.delegate = builder.delegate;
    this.shutdownTimeout = builder.shutdownTimeout;
    // Inside a Logback configuration the context being configured: SLF4J is still initialising
    // then, and its factory would only queue these warnings for a replay with a warning of its own.
    ILoggerFactory loggers =
        builder.loggers != null ? builder.loggers : LoggerFactory.getILoggerFactory();
    SpoolRecordCodec codec = new SpoolRecordCodec();
    ServiceSpools spools =
        new ServiceSpools(builder.settings, builder.fsyncInterval.toMillis(), counters, codec, loggers);
    ReplayWakeup wakeup = new ReplayWakeup();
    this.spool = spools.own(wakeup);
    DeadLetterFile deadLetters =
        new DeadLetterFile(
            spool::directory,
            Math.max(1 << 20, builder.settings.maxBytes() / 16),
            codec,
            counters,
            loggers.getLogger(DeadLetterFile.class.getName()));
    org.slf4j.Logger replayLogger = loggers.getLogger(SpoolReplayer.class.getName());
    this.replayer =
        new SpoolReplayer(
            spool,
            new AdoptedSpools(spools, replayLogger),
            new ForeignRecordFilter(SpoolOwner.of(builder.settings)),
            delegate,
            deadLetters,
            counters,
            outage,
            wakeup,
            new ReplaySettings(
                builder.replayBatchSize,
                builder.initialBackoff,
                builder.maxBackoff,
                builder.replayExportTimeout),
            replayLogger);
    this.overflow = new OverflowWriter(spool, counters);
    this.live = new LiveExport(delegate, spool, deadLetters, outage);
    this.shutdown = new SpoolShutdown(live, overflow, replayer, spool, delegate);
    replayer.start();
  }

  /** A spooling exporter with the defaults: replay backoff 1 s to 30 s, fsync at most every 1 s. */
  public static SpoolingLogRecordExporter create(Sender delegate, SpoolSettings settings) {
    return builder(delegate, settings).build();
  }

  public static Builder builder(Sender delegate, SpoolSettings settings) {
    return new Builder(delegate, settings);
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> records) {
    return live.export(records);
  }

  /**
   * Takes records the in-memory queue could not hold and spools them on a background thread; the
   * caller (possibly an application thread) never waits. When even the hand-off is full they are
   * counted as dropped.
   */
  public void accept(Collection<LogRecordData> overflow) {
    List<LogRecordData> copy = new ArrayList<>(overflow);
    this.overflow.spool(copy.size(), () -> copy);
  }

  /**
   * As {@link #accept}, for records straight from the SDK: their immutable copies are made on the
   * spool's thread, not the caller's. The SDK no longer changes a record once it is emitted.
   */
  public void acceptEmitted(List<? extends ReadWriteLogRecord> overflow) {
    this.overflow.spool(
        overflow.size(),
        () -> {
          List<LogRecordData> copies = new ArrayList<>(overflow.size());
          overflow.forEach(record -> copies.add(record.toLogRecordData()));
          return copies;
        });
  }

  /**
   * From now on, writes batches to disk instead of sending them, and stops replay; the next run of
   * the service delivers them. Call it before shutting the log pipeline down when the collector is
   * unreachable, so the shutdown is bounded by disk speed, not network timeouts. Completes when
   * in-flight work is on disk or the shutdown bound has passed.
   */
  public CompletableResultCode flushToDisk() {
    live.diskOnly();
    replayer.pause();
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    live.awaitInFlight(deadline);
    overflow.awaitWritten(deadline);
    spool.force();
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    CompletableResultCode delegated = delegate.flush();
    overflow.awaitWritten(System.nanoTime() + shutdownTimeout.toNanos());
    spool.force();
    return delegated;
  }

  /**
   * Starts the end of the pipeline, with one deadline (a {@link System#nanoTime} value) for all of
   * it. Until a cutoff shortly before the deadline, queued and spooled records go to the collector
   * (retried every 100 ms, so one that comes back in the window still gets them); with {@code
   * collectorFailing} new batches go straight to disk meanwhile. At the cutoff, requests still on
   * the wire are given up and their records written to disk; {@link #shutdown} then closes the
   * spool by the deadline. Later calls do nothing.
   */
  public void beginShutdown(long deadlineNanos, boolean collectorFailing) {
    shutdown.begin(deadlineNanos, collectorFailing);
  }

  /**
   * Closes the spool: begins the shutdown if nobody did (deadline: the shutdown timeout from now),
   * and completes once everything is delivered or on disk and the lock is released, at the latest
   * by the deadline. Records still on disk are delivered by the next run of this service.
   */
  @Override
  public CompletableResultCode shutdown() {
    beginShutdown(System.nanoTime() + shutdownTimeout.toNanos(), outage.ongoing());
    return shutdown.closeWhenDone();
  }

  /** The spool's figures now; cheap enough to call for every health request. */
  public SpoolStats stats() {
    return new SpoolStats(
        spool.spooledRecords() + replayer.adoptedRecords(),
        spool.spooledBytes(),
        spool.oldestSpooledAgeMillis(),
        counters.replayed.get(),
        counters.droppedForBudget.get(),
        counters.corruptSkipped.get(),
        counters.deadLettered.get(),
        counters.dropped.get(),
        counters.refusedOnReplay.get());
  }

  /** Directory, byte budget and age come from {@link SpoolSettings}; the rest has defaults. */
  public static final class Builder {
    private ILoggerFactory loggers;
    private final Sender delegate;
    private final SpoolSettings settings;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private Duration fsyncInterval = Duration.ofSeconds(1);
    private Duration replayExportTimeout = Duration.ofSeconds(30);
    private int replayBatchSize = 256;

    private Builder(Sender delegate, SpoolSettings settings) {
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

    /**
     * Where the spool's warnings go; default SLF4J's factory. Inside a Logback configuration pass
     * the context being configured: SLF4J is still initialising then and would only queue them.
     */
    public Builder loggers(ILoggerFactory loggers) {
      this.loggers = loggers;
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
