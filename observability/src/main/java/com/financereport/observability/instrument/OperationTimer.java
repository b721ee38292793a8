package com.financereport.observability.instrument;

import java.util.concurrent.Callable;
import org.slf4j.Logger;

/**
 * Times a unit of work and logs it as one event with {@code operation} and {@code duration_ms}
 * (carried over from the original backend's timing decorator). A failure is logged with its
 * exception and rethrown unchanged.
 *
 * <pre>{@code
 * Report report = OperationTimer.call(log, "generate_report", () -> generator.run(month));
 * }</pre>
 */
public final class OperationTimer {
  static final String COMPLETED = "Operation completed";
  static final String FAILED = "Operation failed";

  private OperationTimer() {}

  public static <T> T call(Logger logger, String operation, Callable<T> work) throws Exception {
    long start = System.nanoTime();
    try {
      T result = work.call();
      logger
          .atInfo()
          .addKeyValue("operation", operation)
          .addKeyValue("duration_ms", elapsedMillis(start))
          .addKeyValue("outcome", "success")
          .log(COMPLETED);
      return result;
    } catch (Exception | Error e) {
      logger
          .atError()
          .setCause(e)
          .addKeyValue("operation", operation)
          .addKeyValue("duration_ms", elapsedMillis(start))
          .addKeyValue("outcome", "error")
          .log(FAILED);
      throw e;
    }
  }

  /** The same for work without a result and without checked exceptions. */
  public static void run(Logger logger, String operation, Runnable work) {
    try {
      call(
          logger,
          operation,
          () -> {
            work.run();
            return null;
          });
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("unreachable: a Runnable threw a checked exception", e);
    }
  }

  static double elapsedMillis(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0;
  }
}
