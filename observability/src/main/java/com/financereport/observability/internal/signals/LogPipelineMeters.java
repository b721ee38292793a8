package com.financereport.observability.internal.signals;

import com.financereport.observability.status.ExportStatus;
import com.financereport.observability.status.LogPipelineMetricNames;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.util.function.Supplier;

/**
 * The log pipeline's own figures as metrics, so SigNoz can alert on log loss. Names follow the
 * semantic conventions for SDK self-observability ({@code otel.sdk.*}) where one exists; the spool
 * has none, so its figures are ours ({@code observability.log.spool.*}). Read at each collection,
 * never on the logging path.
 */
final class LogPipelineMeters {
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  private static final AttributeKey<String> CAUSE = AttributeKey.stringKey("cause");

  private LogPipelineMeters() {}

  static void register(Meter meter, Supplier<ExportStatus> logs) {
    meter
        .counterBuilder(LogPipelineMetricNames.EXPORTED)
        .setUnit("{log_record}")
        .setDescription("Log records whose export finished; error.type set when it failed")
        .buildWithCallback(
            m -> {
              ExportStatus.Delivery d = logs.get().delivery();
              m.record(d.exported());
              m.record(d.failed() - d.rejected(), Attributes.of(ERROR_TYPE, "export_failed"));
              m.record(d.rejected(), Attributes.of(ERROR_TYPE, "rejected"));
            });
    meter
        .upDownCounterBuilder(LogPipelineMetricNames.QUEUE_SIZE)
        .setUnit("{log_record}")
        .setDescription("Log records waiting in memory for export")
        .buildWithCallback(m -> m.record(logs.get().queue().size()));
    meter
        .upDownCounterBuilder(LogPipelineMetricNames.QUEUE_CAPACITY)
        .setUnit("{log_record}")
        .setDescription("Log records the in-memory queue holds before the overflow takes them")
        .buildWithCallback(m -> m.record(logs.get().queue().capacity()));
    meter
        .counterBuilder(LogPipelineMetricNames.DROPPED)
        .setUnit("{log_record}")
        .setDescription("Log records lost for good, by cause")
        .buildWithCallback(
            m ->
                logs.get()
                    .dropped()
                    .byCause()
                    .forEach((cause, count) -> m.record(count, Attributes.of(CAUSE, cause))));
    meter
        .upDownCounterBuilder(LogPipelineMetricNames.SPOOLED)
        .setUnit("{log_record}")
        .setDescription("Log records on disk waiting for the collector")
        .buildWithCallback(m -> m.record(logs.get().spool().records()));
    meter
        .upDownCounterBuilder(LogPipelineMetricNames.SPOOLED_BYTES)
        .setUnit("By")
        .setDescription("Bytes the log spool holds on disk")
        .buildWithCallback(m -> m.record(logs.get().spool().bytes()));
    meter
        .gaugeBuilder(LogPipelineMetricNames.OLDEST_SPOOLED)
        .setUnit("s")
        .setDescription("Age of the oldest spooled log record; 0 when the spool is empty")
        .buildWithCallback(m -> m.record(logs.get().spool().oldestAgeMillis() / 1000.0));
    meter
        .counterBuilder(LogPipelineMetricNames.REPLAYED)
        .setUnit("{log_record}")
        .setDescription("Log records delivered from the spool")
        .buildWithCallback(m -> m.record(logs.get().spool().replayed()));
  }
}
