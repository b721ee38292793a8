package com.financereport.observability.status;

import java.time.Instant;

/**
 * A point-in-time view of the OTLP export pipeline. Counts are totals since start; {@code null}
 * times and errors mean "never". {@code endpointReachable} is null until the start-up probe has
 * answered.
 *
 * @param enabled whether export runs at all
 * @param exported records the collector accepted
 * @param failed records in batches that failed (retryable or not) before any fallback
 * @param dropped records lost for good (queue overflow without a spool, non-retryable rejection,
 *     spool budget or age)
 * @param queued records waiting in memory now
 * @param rejected records the collector refused for good (400, partial success); also in dropped
 * @param spooled records on disk now
 * @param spooledBytes bytes on disk now
 * @param oldestSpooledAgeMillis age of the oldest record on disk, 0 when the spool is empty
 * @param replayed records delivered from the spool
 * @param droppedForBudget records the spool discarded for its byte budget or age limit
 * @param corruptSkipped spooled records skipped because their checksum failed
 * @param lastSuccess when the collector last accepted a batch
 * @param lastError a short description of the last failure (never the endpoint or headers)
 * @param lastErrorType the class or kind of the last failure, e.g. "HTTP 503" or
 *     "java.net.ConnectException"
 * @param consecutiveFailures failed exports since the last success
 * @param endpointReachable the start-up probe's verdict (GET /v1/logs answered 405)
 */
public record ExportStatus(
    boolean enabled,
    long exported,
    long failed,
    long dropped,
    long queued,
    long rejected,
    long spooled,
    long spooledBytes,
    long oldestSpooledAgeMillis,
    long replayed,
    long droppedForBudget,
    long corruptSkipped,
    Instant lastSuccess,
    String lastError,
    String lastErrorType,
    long consecutiveFailures,
    Boolean endpointReachable) {

  /** The status of a process that does not export. */
  public static ExportStatus disabled() {
    return new ExportStatus(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, 0, null);
  }

  /** Export is on, the collector answered the probe or accepted data, and nothing failed since. */
  public boolean healthy() {
    return enabled && !Boolean.FALSE.equals(endpointReachable) && consecutiveFailures == 0;
  }
}
