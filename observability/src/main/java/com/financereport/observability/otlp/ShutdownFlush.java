package com.financereport.observability.otlp;

import ch.qos.logback.classic.Logger;
import com.financereport.observability.status.ExportCounters;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Flushes and closes the export at the end of the process, for a bounded time: a hanging collector
 * must not keep the JVM alive. What could not be delivered is counted and said once.
 */
final class ShutdownFlush {
  private final LogRecordProcessor processor;
  private final InFlightRecords inFlight;
  private final ExportCounters counters;
  private final Runnable beforeShutdown;
  private final Logger report;
  private final PrintStream fallback;
  private final AtomicBoolean done = new AtomicBoolean();

  ShutdownFlush(
      LogRecordProcessor processor,
      InFlightRecords inFlight,
      ExportCounters counters,
      Runnable beforeShutdown,
      Logger report,
      PrintStream fallback) {
    this.beforeShutdown = beforeShutdown;
    this.processor = processor;
    this.inFlight = inFlight;
    this.counters = counters;
    this.report = report;
    this.fallback = fallback;
  }

  /**
   * Delivers what is queued, waiting at most {@code timeout}; returns how many records were not
   * delivered (0 when everything went out). Only the first call does the work.
   */
  long run(Duration timeout) {
    if (!done.compareAndSet(false, true)) {
      return inFlight.unsettled();
    }
    long droppedBefore = counters.dropped();
    beforeShutdown.run();
    CompletableResultCode result = processor.shutdown();
    result.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
    // Still in memory, plus what the final flush tried and lost.
    long undelivered = inFlight.unsettled() + (counters.dropped() - droppedBefore);
    if (!result.isDone()) {
      say(
          "OTLP export: gave up flushing after "
              + timeout.toMillis()
              + " ms; "
              + undelivered
              + " log record(s) were not delivered");
    } else if (undelivered > 0) {
      say("OTLP export: " + undelivered + " log record(s) were not delivered at shutdown");
    }
    return undelivered;
  }

  private void say(String message) {
    // Logback may already be stopped by its own shutdown hook; the count must still be seen.
    if (report.getLoggerContext().isStarted()) {
      report.warn(message);
    } else {
      fallback.println(message);
    }
  }
}
