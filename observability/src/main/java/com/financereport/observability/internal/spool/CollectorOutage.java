package com.financereport.observability.internal.spool;

/**
 * Whether the collector is in an outage, as the last export attempt (live or replayed) found it.
 * During an outage new batches go behind the spooled backlog without a network attempt, so order
 * holds and the replayer alone probes with backoff; outside one, a backlog left by an overflowing
 * queue does not hold back batches the collector can take right now.
 */
final class CollectorOutage {
  private volatile boolean ongoing;

  /** An export failed in a way worth retrying: connection refused or reset, timeout, 429, 5xx. */
  void began() {
    ongoing = true;
  }

  /** An export was accepted. */
  void ended() {
    ongoing = false;
  }

  boolean ongoing() {
    return ongoing;
  }
}
