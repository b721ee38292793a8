package com.financereport.observability.otlp;

import com.financereport.observability.internal.export.ExportCounters;
import com.financereport.observability.internal.export.ExportOutcome;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;

/**
 * The first exporter after the batch processor: frees the records' queue slots as soon as the
 * processor hands them over, and reports the final outcome of each batch to the counters, because
 * nothing behind it will try again (the spool, when there is one, has already done what it can).
 */
final class InFlightTrackingExporter implements LogRecordExporter {
  private final LogRecordExporter delivery;
  private final InFlightRecords inFlight;
  private final ExportCounters counters;

  InFlightTrackingExporter(
      LogRecordExporter delivery, InFlightRecords inFlight, ExportCounters counters) {
    this.delivery = delivery;
    this.inFlight = inFlight;
    this.counters = counters;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    int count = logs.size();
    inFlight.handedOff(count);
    CompletableResultCode result;
    try {
      result = delivery.export(logs);
    } catch (RuntimeException e) {
      // An exporter must not throw; if one does, the batch is still accounted for.
      counters.settled(ExportOutcome.ofFailure(e), count);
      inFlight.settled(count);
      return CompletableResultCode.ofExceptionalFailure(e);
    }
    result.whenComplete(
        () -> {
          if (!result.isSuccess()) {
            counters.settled(ExportOutcome.of(result), count);
          }
          inFlight.settled(count);
        });
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    return delivery.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delivery.shutdown();
  }
}
