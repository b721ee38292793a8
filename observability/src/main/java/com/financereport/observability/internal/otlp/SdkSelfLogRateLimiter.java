package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.export.ExportOutcome;
import com.financereport.observability.internal.spool.SpoolingLogRecordExporter;
import com.financereport.observability.otlp.OtlpAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Marker;

/**
 * Lets the OpenTelemetry SDK's own log lines (and this package's) through at most once per logger
 * per interval. A dead collector makes the SDK warn on every batch; without this, stdout would fill
 * with the same line. The first line after a quiet spell is preceded by one line saying how many
 * were held back.
 */
final class SdkSelfLogRateLimiter extends TurboFilter {
  private static final String FQCN = SdkSelfLogRateLimiter.class.getName();

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  SdkSelfLogRateLimiter(Duration interval, LongSupplier nanoClock) {
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
    setName("otlp-self-log-rate-limiter");
  }

  /** The loggers whose events describe the export itself and so must never be exported. */
  static boolean isExportInternal(String loggerName) {
    return loggerName.startsWith("io.opentelemetry.")
        || loggerName.startsWith(OtlpLogExport.class.getPackageName())
        || loggerName.startsWith(OtlpAppender.class.getPackageName())
        // The spool's own warnings ("the collector is unavailable") would feed the spool itself,
        // and the sender's ("the collector refused 3 of 512 records") the export they describe.
        || loggerName.startsWith(SpoolingLogRecordExporter.class.getPackageName())
        || loggerName.startsWith(ExportOutcome.class.getPackageName());
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    // Logback asks once per call before the level check; only events that would be written count.
    if (format == null || !isExportInternal(logger.getName()) || !logger.isEnabledFor(level)) {
      return FilterReply.NEUTRAL;
    }
    Window window = windows.computeIfAbsent(logger.getName(), name -> new Window());
    long now = nanoClock.getAsLong();
    long opensAt = window.opensAt.get();
    if (now - opensAt < 0 || !window.opensAt.compareAndSet(opensAt, now + intervalNanos)) {
      window.suppressed.incrementAndGet();
      return FilterReply.DENY;
    }
    long suppressed = window.suppressed.getAndSet(0);
    if (suppressed > 0) {
      // Written straight to the appenders: going through the logger again would meet this filter.
      logger.callAppenders(
          new LoggingEvent(
              FQCN,
              logger,
              Level.WARN,
              suppressed
                  + " similar message(s) from this logger were suppressed in the last "
                  + Duration.ofNanos(intervalNanos).toSeconds()
                  + " s",
              null,
              null));
    }
    return FilterReply.NEUTRAL;
  }

  private final class Window {
    final AtomicLong opensAt = new AtomicLong(nanoClock.getAsLong());
    final AtomicLong suppressed = new AtomicLong();
  }
}
