package com.financereport.observability.status;

import java.time.Instant;

/**
 * The live view of one opt-in signal (traces or metrics). Counts are totals since start, in the
 * signal's own unit: spans, or metric data points.
 *
 * @param endpoint where the signal goes, as scheme://host:port/path: never credentials, query or
 *     headers; null when off
 * @param disabledReason why the signal is off; null when on
 * @param exported items the collector accepted
 * @param failed items in export attempts that failed (the SDK retried them first)
 * @param dropped items lost for good: the SDK's queue was full, or the export failed
 * @param lastSuccess when the collector last accepted a batch
 * @param lastError a short description of the last failure (never the endpoint or headers)
 */
public record SignalStatus(
    boolean enabled,
    String endpoint,
    String disabledReason,
    long exported,
    long failed,
    long dropped,
    Instant lastSuccess,
    String lastError) {

  /** A signal that is off, and why. */
  public static SignalStatus off(String reason) {
    return new SignalStatus(false, null, reason, 0, 0, 0, null, null);
  }
}
