package com.financereport.bench.export;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.internal.otlp.OtlpLogExport;
import com.financereport.observability.settings.ObservabilitySettings;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * One logging stack under load: a Logback context whose root logger writes JSON to a discarding
 * "stdout" and exports over OTLP/HTTP to the given endpoint.
 */
final class ExportStack {
  /** The stacks compared. */
  enum Kind {
    /** This library's bridge with its defaults (plus the variables in {@link #OURS_ENV}). */
    OURS,
    /** Logback + LogstashEncoder + the official OTel appender, SDK defaults. */
    PEER,
    /** The rejected candidate: the official appender capturing what ours captures, redacting on export. */
    OFFICIAL_REDACTING
  }

  private final LoggerContext context;
  private final Runnable close;
  private final java.util.function.LongSupplier countedDrops;

  private final java.util.function.Supplier<com.financereport.observability.status.ExportStatus> status;

  private ExportStack(LoggerContext context, Runnable close, java.util.function.LongSupplier drops) {
    this(context, close, drops, () -> null);
  }

  private ExportStack(
      LoggerContext context,
      Runnable close,
      java.util.function.LongSupplier drops,
      java.util.function.Supplier<com.financereport.observability.status.ExportStatus> status) {
    this.context = context;
    this.close = close;
    this.countedDrops = drops;
    this.status = status;
  }

  /** Our export status (spool figures included); null for the peers, which have none. */
  com.financereport.observability.status.ExportStatus status() {
    return status.get();
  }

  private static String freshSpoolDirectory() {
    try {
      return java.nio.file.Files.createTempDirectory("bench-spool").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // The capture setters are deprecated in 2.31 but are the documented way to capture everything,
  // and the measured runs used them.
  @SuppressWarnings("deprecation")
  static ExportStack start(Kind kind, String baseEndpoint, Map<String, String> extraEnvironment) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    context.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    Map<String, String> environment = new HashMap<>(extraEnvironment);
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", baseEndpoint);
    // A fresh spool: a backlog left by an earlier run must not replay into this one.
    environment.putIfAbsent("OBSERVABILITY_SPOOL_DIR", freshSpoolDirectory());
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(environment));
    // Each stack writes its stdout the way it would in production: ours with our encoder, the
    // peers with LogstashEncoder.
    root.addAppender(
        discardingStdout(
            context,
            kind == Kind.OURS
                ? new com.financereport.observability.json.JsonLineEncoder(runtime)
                : new LogstashEncoder()));

    switch (kind) {
      case OURS -> {
        OtlpLogExport export = OtlpLogExport.install(context, runtime).orElseThrow();
        return new ExportStack(
            context,
            () -> export.shutdown(Duration.ofSeconds(10)),
            () -> export.status().dropped().total(),
            export::status);
      }
      case PEER -> {
        OpenTelemetrySdk sdk =
            sdk(
                runtime,
                BatchLogRecordProcessor.builder(
                        OtlpHttpLogRecordExporter.builder()
                            .setEndpoint(baseEndpoint + "/v1/logs")
                            .build())
                    .build());
        OpenTelemetryAppender appender = new OpenTelemetryAppender();
        appender.setOpenTelemetry(sdk);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        return new ExportStack(context, () -> closeSdk(sdk), () -> 0);
      }
      case OFFICIAL_REDACTING -> {
        var export = runtime.settings().export();
        LogRecordExporter wire =
            OtlpHttpLogRecordExporter.builder()
                .setEndpoint(export.logsEndpoint().toString())
                .setCompression(export.compression())
                .build();
        OpenTelemetrySdk sdk =
            sdk(
                runtime,
                BatchLogRecordProcessor.builder(
                        new RedactingLogRecordExporter(wire, runtime.redactor()))
                    .setMaxQueueSize(export.maxQueueSize())
                    .setMaxExportBatchSize(export.maxExportBatchSize())
                    .setScheduleDelay(export.scheduleDelay())
                    .build());
        OpenTelemetryAppender appender = new OpenTelemetryAppender();
        appender.setOpenTelemetry(sdk);
        appender.setCaptureKeyValuePairAttributes(true);
        appender.setCaptureMdcAttributes("*");
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        return new ExportStack(context, () -> closeSdk(sdk), () -> 0);
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
  }

  Logger logger(String name) {
    return context.getLogger(name);
  }

  /** Drops the stack itself counted; the SDK's processor drops silently and counts none. */
  long countedDrops() {
    return countedDrops.getAsLong();
  }

  /** Flushes for at most 10 s and stops. */
  void close() {
    close.run();
    context.stop();
  }

  private static OpenTelemetrySdk sdk(ObservabilityRuntime runtime, BatchLogRecordProcessor batch) {
    Attributes resource =
        runtime.settings().resource().entrySet().stream()
            .collect(
                Attributes::builder,
                (b, e) -> b.put(e.getKey(), e.getValue()),
                (a, b) -> a.putAll(b.build()))
            .build();
    return OpenTelemetrySdk.builder()
        .setLoggerProvider(
            SdkLoggerProvider.builder()
                .setResource(Resource.create(resource))
                .addLogRecordProcessor(batch)
                .build())
        .build();
  }

  private static void closeSdk(OpenTelemetrySdk sdk) {
    sdk.getSdkLoggerProvider().shutdown().join(10, TimeUnit.SECONDS);
  }

  private static OutputStreamAppender<ILoggingEvent> discardingStdout(
      LoggerContext context, ch.qos.logback.core.encoder.Encoder<ILoggingEvent> encoder) {
    encoder.setContext(context);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> stdout = new OutputStreamAppender<>();
    stdout.setContext(context);
    stdout.setName("stdout");
    stdout.setEncoder(encoder);
    stdout.setOutputStream(OutputStream.nullOutputStream());
    stdout.start();
    return stdout;
  }
}
