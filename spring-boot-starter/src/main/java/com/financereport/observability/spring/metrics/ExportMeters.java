package com.financereport.observability.spring.metrics;

import com.financereport.observability.status.ExportStatus;
import com.financereport.observability.status.LogPipelineMetricNames;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The export figures as Micrometer meters, read from the live status on each scrape. Names follow
 * the OpenTelemetry semantic conventions for SDK self-observability where one exists ({@code
 * otel.sdk.exporter.log.exported} with {@code error.type}, {@code
 * otel.sdk.processor.log.queue.size}); the spool and the drop causes, which the conventions do not
 * cover, are under {@code observability.log.*}, as in the library's own OTLP metrics. The table is in docs/spring-boot.md.
 */
public final class ExportMeters implements MeterBinder {
  static final String EXPORTED = LogPipelineMetricNames.EXPORTED;
  static final String QUEUE_SIZE = LogPipelineMetricNames.QUEUE_SIZE;
  static final String QUEUE_CAPACITY = LogPipelineMetricNames.QUEUE_CAPACITY;
  // The same names as the library's OpenTelemetry metrics (signals.LogPipelineMeters).
  static final String DROPPED = LogPipelineMetricNames.DROPPED;
  static final String SPOOL_RECORDS = LogPipelineMetricNames.SPOOLED;
  static final String SPOOL_BYTES = LogPipelineMetricNames.SPOOLED_BYTES;
  static final String SPOOL_OLDEST_AGE = LogPipelineMetricNames.OLDEST_SPOOLED;
  static final String SPOOL_REPLAYED = LogPipelineMetricNames.REPLAYED;
  static final String ERROR_TYPE = "error.type";
  static final String CAUSE = "cause";
  private static final String RECORDS = "{log_record}";

  private final Supplier<ExportStatus> status;

  public ExportMeters(Supplier<ExportStatus> status) {
    this.status = status;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(EXPORTED, "Log records the collector accepted", s -> s.delivery().exported())
        .register(registry);
    counter(
            EXPORTED,
            "Log records in exports that failed, rejections aside",
            s -> Math.max(0, s.delivery().failed() - s.delivery().rejected()))
        .tag(ERROR_TYPE, "export_failed")
        .register(registry);
    counter(
            EXPORTED,
            "Log records the collector rejected for good",
            s -> s.delivery().rejected())
        .tag(ERROR_TYPE, "rejected")
        .register(registry);
    // The causes are fixed; each counter reads its own from the live status.
    for (String cause : ExportStatus.Dropped.NONE.byCause().keySet()) {
      counter(DROPPED, "Log records lost for good, by cause", s -> s.dropped().byCause().get(cause))
          .tag(CAUSE, cause)
          .register(registry);
    }
    gauge(QUEUE_SIZE, "Log records waiting in memory", s -> s.queue().size())
        .baseUnit(RECORDS)
        .register(registry);
    gauge(QUEUE_CAPACITY, "Log records the in-memory queue holds", s -> s.queue().capacity())
        .baseUnit(RECORDS)
        .register(registry);
    gauge(SPOOL_RECORDS, "Log records on disk", s -> s.spool().records())
        .baseUnit(RECORDS)
        .register(registry);
    gauge(SPOOL_BYTES, "Bytes of log records on disk", s -> s.spool().bytes())
        .baseUnit("bytes")
        .register(registry);
    TimeGauge.builder(
            SPOOL_OLDEST_AGE,
            status,
            TimeUnit.MILLISECONDS,
            s -> s.get().spool().oldestAgeMillis())
        .description("Age of the oldest log record on disk (0 when empty)")
        .register(registry);
    counter(SPOOL_REPLAYED, "Log records delivered from the spool", s -> s.spool().replayed())
        .register(registry);
  }

  private FunctionCounter.Builder<Supplier<ExportStatus>> counter(
      String name, String description, ToDoubleFunction<ExportStatus> count) {
    return FunctionCounter.builder(name, status, s -> count.applyAsDouble(s.get()))
        .description(description)
        .baseUnit(RECORDS);
  }

  private Gauge.Builder<Supplier<ExportStatus>> gauge(
      String name, String description, ToDoubleFunction<ExportStatus> value) {
    return Gauge.builder(name, status, s -> value.applyAsDouble(s.get())).description(description);
  }
}
