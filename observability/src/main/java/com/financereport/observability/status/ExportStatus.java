package com.financereport.observability.status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A point-in-time view of the OTLP log export, as a small tree: what waits in memory ({@link
 * Queue}), what the collector made of the exports ({@link Delivery}), what waits on disk ({@link
 * Spool}) and what was lost for good, by cause ({@link Dropped}). Counts are totals since start;
 * {@code null} times and errors mean "never".
 *
 * @param enabled whether export runs at all
 */
public record ExportStatus(
    boolean enabled, Queue queue, Delivery delivery, Spool spool, Dropped dropped) {

  private static final ExportStatus DISABLED =
      new ExportStatus(false, Queue.EMPTY, Delivery.NONE, Spool.NONE, Dropped.NONE);

  /** The status of a process that does not export. */
  public static ExportStatus disabled() {
    return DISABLED;
  }

  /** Export is on, the collector answered the probe or accepted data, and nothing failed since. */
  public boolean healthy() {
    return enabled
        && !Boolean.FALSE.equals(delivery.endpointReachable())
        && delivery.consecutiveFailures() == 0;
  }

  /**
   * The in-memory queue (the SDK's {@code otel.sdk.processor.log.queue.*}).
   *
   * @param size records admitted and not yet settled: queued, or in an export not yet finished
   * @param capacity how many records the queue holds before the overflow takes them
   */
  public record Queue(long size, long capacity) {
    public static final Queue EMPTY = new Queue(0, 0);
  }

  /**
   * What the collector made of every export attempt, first or replayed from the spool (the SDK's
   * {@code otel.sdk.exporter.log.exported}, with {@code error.type} on failures).
   *
   * @param exported records the collector accepted
   * @param failed records in attempts that failed, retryable or not, before any fallback
   * @param rejected records the collector refused for good (HTTP 400, partial success); part of
   *     {@code failed}
   * @param lastSuccess when the collector last accepted a batch
   * @param lastError a short description of the last failure (never the endpoint or headers)
   * @param lastErrorType the class or kind of the last failure, e.g. "HTTP 503" or
   *     "java.net.ConnectException"
   * @param consecutiveFailures failed attempts since the last success
   * @param endpointReachable the start-up probe's verdict (GET /v1/logs answered 405), true once
   *     the collector answered an export; null until either happened
   */
  public record Delivery(
      long exported,
      long failed,
      long rejected,
      Instant lastSuccess,
      String lastError,
      String lastErrorType,
      long consecutiveFailures,
      Boolean endpointReachable) {
    public static final Delivery NONE = new Delivery(0, 0, 0, null, null, null, 0, null);
  }

  /**
   * The disk spool; all zero when there is none.
   *
   * @param records records on disk waiting for the collector now
   * @param bytes bytes on disk now
   * @param oldestAgeMillis age of the oldest record on disk, 0 when the spool is empty
   * @param replayed records delivered from disk
   * @param deadLettered records the collector refused for good, set aside in the dead-letter file
   *     (also counted in {@link Dropped#rejected()})
   */
  public record Spool(
      long records, long bytes, long oldestAgeMillis, long replayed, long deadLettered) {
    public static final Spool NONE = new Spool(0, 0, 0, 0, 0);
  }

  /**
   * Records lost for good, by cause; each record is counted under one cause only.
   *
   * @param queueFull the in-memory queue was full and nothing could take the record (no spool, or
   *     its hand-off was full)
   * @param exportFailed the export failed after the SDK's retries, with no spool to keep it
   * @param rejected the collector refused it for good (HTTP 400, the refused part of a partial
   *     success), live or on replay
   * @param spoolBudget the spool discarded it, oldest first, for its byte budget or age limit
   * @param spoolCorrupt its spooled line failed its checksum or was torn
   * @param spoolUnusable the spool could not keep it (directory or disk unusable, shut down)
   */
  public record Dropped(
      long queueFull,
      long exportFailed,
      long rejected,
      long spoolBudget,
      long spoolCorrupt,
      long spoolUnusable) {
    public static final Dropped NONE = new Dropped(0, 0, 0, 0, 0, 0);

    /** All records lost for good, whatever the cause. */
    public long total() {
      return queueFull + exportFailed + rejected + spoolBudget + spoolCorrupt + spoolUnusable;
    }

    /**
     * Each cause by the name /health and the metrics' {@code cause} attribute give it, in a fixed
     * order: queue_full, export_failed, rejected, spool_budget, spool_corrupt, spool_unusable.
     */
    public Map<String, Long> byCause() {
      Map<String, Long> causes = new LinkedHashMap<>();
      causes.put("queue_full", queueFull);
      causes.put("export_failed", exportFailed);
      causes.put("rejected", rejected);
      causes.put("spool_budget", spoolBudget);
      causes.put("spool_corrupt", spoolCorrupt);
      causes.put("spool_unusable", spoolUnusable);
      return causes;
    }
  }
}
