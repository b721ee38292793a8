package com.financereport.observability.internal.export;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
// The JDK sender's provider is public only in an internal package: the one way to wrap the SDK's own
// sender (through the public HttpSender SPI) rather than write a sender of ours.
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's OTLP/HTTP exporter, with partial success taken into account: when the collector answers
 * 2xx but its {@code partial_success} says it refused records, the export ends in a {@link
 * PartialSuccessException} naming how many were refused and how many delivered, instead of a plain
 * success. Everything else (the request, retries, status codes, failures) is the SDK's own.
 *
 * <p>The first partial success is logged as a warning; later ones are only counted by whoever
 * reads the export's result, as the SDK logs a rejected request.
 */
public final class PartialSuccessExporter implements LogRecordExporter {
  private final Logger logger;

  private final LogRecordExporter wire;
  private final AtomicBoolean partialSuccessReported = new AtomicBoolean();

  private PartialSuccessExporter(LogRecordExporter wire, Logger logger) {
    this.wire = wire;
    this.logger = logger;
  }

  /**
   * Builds the exporter {@code builder} describes, sending through the JDK's HTTP client as the SDK
   * would, with each success's body read for a partial success.
   */
  public static PartialSuccessExporter build(OtlpHttpLogRecordExporterBuilder builder) {
    return build(builder, LoggerFactory.getLogger(PartialSuccessExporter.class));
  }

  /**
   * As {@link #build(OtlpHttpLogRecordExporterBuilder)}, warning through {@code logger}: inside a
   * Logback configuration, one of the context being configured (SLF4J is not ready yet).
   */
  public static PartialSuccessExporter build(OtlpHttpLogRecordExporterBuilder builder, Logger logger) {
    return build(builder, logger, new JdkHttpSenderProvider());
  }

  /** As {@link #build(OtlpHttpLogRecordExporterBuilder, Logger)}, sending through {@code base}. */
  static PartialSuccessExporter build(
      OtlpHttpLogRecordExporterBuilder builder, Logger logger, HttpSenderProvider base) {
    ComponentLoader classPath =
        ComponentLoader.forClassLoader(PartialSuccessExporter.class.getClassLoader());
    PartialSuccessSender.quietTheSdksLineForRefusals();
    HttpSenderProvider reading = config -> new PartialSuccessSender(base.createSender(config));
    builder.setComponentLoader(
        new ComponentLoader() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> Iterable<T> load(Class<T> type) {
            return type == HttpSenderProvider.class ? List.of((T) reading) : classPath.load(type);
          }
        });
    return new PartialSuccessExporter(builder.build(), logger);
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    int batchSize = logs.size();
    CompletableResultCode sent = wire.export(logs);
    CompletableResultCode result = new CompletableResultCode();
    sent.whenComplete(
        () -> {
          Throwable failure = sent.getFailureThrowable();
          PartialSuccessSender.Refusal partial =
              failure != null && failure.getCause() instanceof PartialSuccessSender.Refusal r
                  ? r
                  : null;
          if (sent.isSuccess() || (partial != null && batchSize == 0)) {
            result.succeed();
          } else if (partial != null) {
            PartialSuccessException refusal =
                new PartialSuccessException(batchSize, partial.answer());
            if (partialSuccessReported.compareAndSet(false, true)) {
              logger.warn(
                  "OTLP export: {}. Refused records are not retried; the export status counts them"
                      + " as rejected. Later partial successes are counted, not logged",
                  refusal.getMessage());
            }
            result.failExceptionally(refusal);
          } else if (failure != null) {
            result.failExceptionally(failure);
          } else {
            result.fail();
          }
        });
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    return wire.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return wire.shutdown();
  }
}
