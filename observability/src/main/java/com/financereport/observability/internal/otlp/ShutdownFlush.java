package com.financereport.observability.internal.otlp;

import ch.qos.logback.classic.Logger;
import com.financereport.observability.status.ExportStatus;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Flushes and closes the export at the end of the process, by one deadline for all of it: a
 * failing or hanging collector must not keep the JVM alive past the shutdown timeout. What could
 * not be delivered, and what waits in the spool for the next start, is said once.
 */
final class ShutdownFlush {
  private final LogRecordProcessor processor;
  private final QueueSlots inFlight;
  private final LongConsumer beforeShutdown;
  private final Supplier<ExportStatus> status;
  private final Logger report;
  private final PrintStream fallback;
  private final AtomicBoolean done = new AtomicBoolean();

  ShutdownFlush(
      LogRecordProcessor processor,
      QueueSlots inFlight,
      LongConsumer beforeShutdown,
      Supplier<ExportStatus> status,
      Logger report,
      PrintStream fallback) {
    this.beforeShutdown = beforeShutdown;
    this.status = status;
    this.processor = processor;
    this.inFlight = inFlight;
    this.report = report;
    this.fallback = fallback;
  }

  /**
   * Delivers what is queued, all of it done within {@code timeout}; returns how many records were
   * lost (0 when everything went out or into the spool). Only the first call does the work.
   */
  long run(Duration timeout) {
    if (!done.compareAndSet(false, true)) {
      return inFlight.unsettled();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long droppedBefore = status.get().dropped().total();
    // The extension gets the same deadline: a spool finishes its own work within it.
    beforeShutdown.accept(deadline);
    CompletableResultCode result = processor.shutdown();
    result.join(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    // Still in memory, plus what the final flush tried and lost.
    long undelivered = inFlight.unsettled() + (status.get().dropped().total() - droppedBefore);
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
    long spooled = status.get().spool().records();
    if (spooled > 0) {
      say(
          "OTLP export: "
              + spooled
              + " log record(s) wait in the disk spool; the next start of this service sends them");
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
