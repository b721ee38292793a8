package com.financereport.observability.otlp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.financereport.observability.ExportPipeline;
import com.financereport.observability.internal.export.ServiceResource;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.otlp.record.RecordEmitter;
import com.financereport.observability.otlp.response.PartialSuccessExporter;
import com.financereport.observability.settings.ExportSettings;
import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.status.ExportCounters;
import com.financereport.observability.status.ExportStatus;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Ships every log event to an OTLP/HTTP collector through the official OpenTelemetry SDK, next to
 * stdout, without ever delaying or failing the application: start-up does no network I/O, a full
 * queue drops into a counted sink, the SDK's own complaints reach stdout at a bounded rate and are
 * never exported, and shutdown flushes for a bounded time.
 *
 * <pre>
 * Logback event ─ LogbackToOtlpAppender (redact, map) ─ RecordEmitter (one immutable record)
 *   ─ QueueAdmissionProcessor ─(full)→ OverflowSink (counts drops; a spool may take them)
 *   ─ BatchLogRecordProcessor ─ ConcurrentExports (up to N requests on the wire)
 *   ─ InFlightTrackingExporter
 *   ─ [Extensions.collectorDecorator, e.g. the disk spool]
 *   ─ CountingLogRecordExporter ─ PartialSuccessExporter (reads partial_success)
 *   ─ OtlpHttpLogRecordExporter ─ collector /v1/logs
 * </pre>
 *
 * <p>When export is off in the settings nothing of this exists: {@link #install} returns empty and
 * creates no thread, socket or object of the SDK.
 */
public final class OtlpLogExport implements AutoCloseable, ExportPipeline {
  /** How often the SDK's own log lines, and the queue-overflow warning, may reach stdout. */
  static final Duration SELF_LOG_INTERVAL = Duration.ofMinutes(1);
  /** How long the start-up probe waits for the collector. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  private final LoggerContext context;
  private final ExportSettings settings;
  private final ExportCounters counters;
  private final LogbackToOtlpAppender appender;
  private final SelfLogGuard selfLogGuard;
  private final ShutdownFlush shutdownFlush;
  private final Thread shutdownHook;
  private final boolean attachedToRoot;
  private final Extensions extensions;

  private OtlpLogExport(
      LoggerContext context,
      ExportSettings settings,
      ExportCounters counters,
      LogbackToOtlpAppender appender,
      SelfLogGuard selfLogGuard,
      ShutdownFlush shutdownFlush,
      boolean attachedToRoot,
      Extensions extensions) {
    this.extensions = extensions;
    this.context = context;
    this.settings = settings;
    this.counters = counters;
    this.appender = appender;
    this.selfLogGuard = selfLogGuard;
    this.shutdownFlush = shutdownFlush;
    this.attachedToRoot = attachedToRoot;
    this.shutdownHook =
        new Thread(() -> shutdownFlush.run(settings.shutdownTimeout()), "otlp-shutdown-flush");
  }

  /**
   * Starts OTLP export for this Logback context when the settings enable it, and attaches it to the
   * root logger; returns empty, having created nothing, when they do not.
   */
  public static Optional<OtlpLogExport> install(LoggerContext context, ObservabilityRuntime runtime) {
    if (!runtime.settings().export().enabled()) {
      return Optional.empty();
    }
    return install(
        context, runtime, new DiskSpoolExtension(runtime.settings(), context).extensions());
  }

  /**
   * The pipeline a runtime shares among all its {@link OtlpAppender}s: attached to no logger, so a
   * context reset, which stops the appenders, leaves it running.
   */
  static Optional<OtlpLogExport> startShared(LoggerContext context, ObservabilityRuntime runtime) {
    if (!runtime.settings().export().enabled()) {
      return Optional.empty();
    }
    return start(context, runtime, new DiskSpoolExtension(runtime.settings(), context).extensions(), false);
  }

  /** As {@link #install(LoggerContext, ObservabilityRuntime)}, with a spool or other extension. */
  public static Optional<OtlpLogExport> install(
      LoggerContext context, ObservabilityRuntime runtime, Extensions extensions) {
    return start(context, runtime, extensions, true);
  }

  static Optional<OtlpLogExport> start(
      LoggerContext context,
      ObservabilityRuntime runtime,
      Extensions extensions,
      boolean attachToRoot) {
    Objects.requireNonNull(context, "context");
    ObservabilitySettings settings = runtime.settings();
    ExportSettings export = settings.export();
    if (!export.enabled() || !SdkCompatibility.usable(context.getLogger(OtlpLogExport.class))) {
      return Optional.empty();
    }

    SdkSelfLogRateLimiter selfLogLimiter =
        new SdkSelfLogRateLimiter(SELF_LOG_INTERVAL, System::nanoTime);
    selfLogLimiter.setContext(context);
    selfLogLimiter.start();
    SelfLogGuard selfLogGuard =
        new SelfLogGuard(context, selfLogLimiter, SELF_LOG_INTERVAL.toNanos(), System::nanoTime);

    int queueSize = export.maxQueueSize();
    InFlightRecords inFlight = new InFlightRecords(queueSize);
    ExportCounters counters = new ExportCounters(inFlight::unsettled);

    QueueFullWaitGate waitGate = new QueueFullWaitGate(export.queueFullWait().toNanos());
    LogRecordExporter collector =
        new CountingLogRecordExporter(
            wireExporter(export, extensions.sdkRetry(), context),
            counters,
            runtime.redactor(),
            selfLogGuard.and(waitGate));
    // The spool seam: a decorator here sees every batch on its way to the collector.
    LogRecordExporter delivery = extensions.collectorDecorator().apply(collector);
    OverflowSink overflow =
        extensions.overflow() != null
            ? extensions.overflow().apply(counters)
            : new CountingOverflowSink(
                counters,
                context.getLogger(CountingOverflowSink.class),
                SELF_LOG_INTERVAL,
                System::nanoTime);

    ConcurrentExports exports =
        new ConcurrentExports(
            new InFlightTrackingExporter(delivery, inFlight, counters), export.exportConcurrency());
    BatchLogRecordProcessor batch =
        BatchLogRecordProcessor.builder(exports)
            .setScheduleDelay(export.scheduleDelay())
            .setMaxQueueSize(queueSize)
            .setMaxExportBatchSize(Math.min(export.maxExportBatchSize(), queueSize))
            .setExporterTimeout(export.exportTimeout())
            .build();
    QueueAdmissionProcessor processor =
        new QueueAdmissionProcessor(batch, inFlight, overflow, waitGate, exports);

    LogbackToOtlpAppender appender =
        new LogbackToOtlpAppender(
            new RecordEmitter(ServiceResource.of(settings), processor, Clock.getDefault()),
            runtime.redactor(),
            Level.toLevel(export.exportLevel(), Level.INFO),
            export.codeAttributes(),
            settings.limits());
    appender.setContext(context);
    appender.start();

    ShutdownFlush shutdownFlush =
        new ShutdownFlush(
            processor,
            inFlight,
            counters,
            deadline -> extensions.beforeShutdown().accept(counters.snapshot(), deadline),
            () -> extensions.status().apply(counters.snapshot()),
            context.getLogger(ShutdownFlush.class),
            System.err);
    OtlpLogExport installed =
        new OtlpLogExport(
            context,
            export,
            counters,
            appender,
            selfLogGuard,
            shutdownFlush,
            attachToRoot,
            extensions);
    if (attachToRoot) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }
    runtime.exportStatusSource(() -> extensions.status().apply(counters.snapshot()));
    if (!runtime.hostOwnsShutdown()) {
      Runtime.getRuntime().addShutdownHook(installed.shutdownHook);
    }
    new CollectorProbe(
            export.logsEndpoint(),
            export.headers(),
            PROBE_TIMEOUT,
            counters,
            context.getLogger(CollectorProbe.class))
        .startInBackground();
    return Optional.of(installed);
  }

  private static LogRecordExporter wireExporter(
      ExportSettings export, boolean sdkRetry, LoggerContext context) {
    OtlpHttpLogRecordExporterBuilder builder =
        OtlpHttpLogRecordExporter.builder()
            .setEndpoint(export.logsEndpoint().toString())
            .setTimeout(export.requestTimeout())
            .setCompression(export.compression())
            // Without a spool: the OTLP spec's retry (429/502/503/504, dropped connections,
            // Retry-After honoured). With one, a failure must reach the spool at once; its replayer
            // retries with backoff instead.
            .setRetryPolicy(sdkRetry ? RetryPolicy.getDefault() : null);
    export.headers().forEach(builder::addHeader);
    return PartialSuccessExporter.build(builder, context.getLogger(PartialSuccessExporter.class));
  }

  /** The live export figures. */
  @Override
  public ExportStatus status() {
    return extensions.status().apply(counters.snapshot());
  }

  /**
   * Flushes what is queued, waiting at most {@code timeout}, then stops exporting. Returns how many
   * records were not delivered. Later calls do nothing and return the same kind of count.
   */
  @Override
  public long shutdown(Duration timeout) {
    if (attachedToRoot) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    }
    appender.stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting and the hook runs anyway; this call does the same bounded work.
    }
    long undelivered = shutdownFlush.run(timeout);
    selfLogGuard.uninstall();
    return undelivered;
  }

  @Override
  public void leaveShutdownToHost() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting already; the hook does the same bounded work.
    }
  }

  /** {@link #shutdown(Duration)} with the configured shutdown timeout. */
  @Override
  public void close() {
    shutdown(settings.shutdownTimeout());
  }

  /** The Logback appender that feeds the export, for {@link OtlpAppender}. */
  LogbackToOtlpAppender appender() {
    return appender;
  }

  /**
   * What can be plugged into the pipeline. The disk spool wraps the collector exporter and takes
   * the overflow; {@link #NONE} is the plain pipeline.
   *
   * @param collectorDecorator wraps the exporter that talks to the collector (whose outcomes are
   *     already counted); what it returns receives every batch from the batch processor
   * @param overflow makes the sink for records the full queue cannot take; null for the default,
   *     which counts them as dropped and warns at most once a minute
   * @param status adds the extension's own figures to the export status
   * @param beforeShutdown runs, with the status then and the shutdown's deadline (a {@link
   *     System#nanoTime} value), before the pipeline is flushed at shutdown
   * @param sdkRetry whether the SDK exporter retries by itself (off when a spool retries instead)
   */
  public record Extensions(
      UnaryOperator<LogRecordExporter> collectorDecorator,
      Function<ExportCounters, OverflowSink> overflow,
      UnaryOperator<ExportStatus> status,
      java.util.function.ObjLongConsumer<ExportStatus> beforeShutdown,
      boolean sdkRetry) {
    /** The plain pipeline: no spool, the SDK's own retry. */
    public static final Extensions NONE =
        new Extensions(
            UnaryOperator.identity(), null, UnaryOperator.identity(), (s, deadline) -> {}, true);

    public Extensions {
      Objects.requireNonNull(collectorDecorator, "collectorDecorator");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(beforeShutdown, "beforeShutdown");
    }
  }
}
