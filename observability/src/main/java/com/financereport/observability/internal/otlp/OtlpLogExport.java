package com.financereport.observability.internal.otlp;

import com.financereport.observability.otlp.OtlpAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.financereport.observability.internal.ExportPipeline;
import com.financereport.observability.internal.export.ExportCounters;
import com.financereport.observability.internal.export.ServiceResource;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.internal.record.RecordEmitter;
import com.financereport.observability.internal.export.OtlpHttpLogSender;
import com.financereport.observability.internal.export.Sender;
import com.financereport.observability.settings.ExportSettings;
import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.status.ExportStatus;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Ships every log event to an OTLP/HTTP collector through the official OpenTelemetry SDK, next to
 * stdout, without ever delaying or failing the application: start-up does no network I/O, a full
 * queue hands its surplus to the spool (or counts it), the SDK's own complaints reach stdout at a
 * bounded rate and are never exported, and shutdown flushes for a bounded time.
 *
 * <p>The pipeline is four stages, data flowing one way; each attempt on the wire is classified
 * once ({@code ExportOutcome}) and every figure is counted in the one {@link ExportCounters}:
 *
 * <pre>
 * app thread: LogbackToOtlpAppender ─ RecordEmitter (one immutable record)
 *   ─ QueueAdmission   a slot in QueueSlots, or a bounded wait; else to the spool (or counted lost)
 *   ─ BatchLogRecordProcessor (the SDK's batches)
 *   ─ ConcurrentExports  up to N batches on the wire; frees slots, counts each batch's end
 *   ─ SpoolStage         retryable failures to disk, replayed oldest first (optional)
 *   ─ SendStage          one request per batch, live or replayed: outcome counted, once
 *   ─ OtlpHttpLogSender  our protobuf request (LogsRequestEncoder), the SDK's HttpSender ─ /v1/logs
 * </pre>
 *
 * <p>The spool's replayer is handed the same {@link SendStage} (a {@code Sender}) as its live
 * export, so a replayed attempt is counted where a live one is.
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
  private final SpoolStage spool; // null: the pipeline without a spool
  private final LogbackToOtlpAppender appender;
  private final SelfLogGuard selfLogGuard;
  private final ShutdownFlush shutdownFlush;
  private final Thread shutdownHook;
  private final boolean attachedToRoot;

  private OtlpLogExport(
      LoggerContext context,
      ExportSettings settings,
      ExportCounters counters,
      SpoolStage spool,
      QueueSlots slots,
      QueueAdmission admission,
      LogbackToOtlpAppender appender,
      SelfLogGuard selfLogGuard,
      boolean attachedToRoot) {
    this.context = context;
    this.settings = settings;
    this.counters = counters;
    this.spool = spool;
    this.appender = appender;
    this.selfLogGuard = selfLogGuard;
    this.attachedToRoot = attachedToRoot;
    this.shutdownFlush =
        new ShutdownFlush(
            admission,
            slots,
            this::beforeShutdown,
            this::status,
            context.getLogger(ShutdownFlush.class),
            System.err);
    this.shutdownHook =
        new Thread(() -> shutdownFlush.run(settings.shutdownTimeout()), "otlp-shutdown-flush");
  }

  /**
   * Starts OTLP export, with the disk spool, for this Logback context when the settings enable it,
   * and attaches it to the root logger; returns empty, having created nothing, when they do not.
   */
  public static Optional<OtlpLogExport> install(LoggerContext context, ObservabilityRuntime runtime) {
    return start(context, runtime, true, true);
  }

  /**
   * The pipeline a runtime shares among all its {@link OtlpAppender}s: attached to no logger, so a
   * context reset, which stops the appenders, leaves it running.
   */
  public static Optional<OtlpLogExport> startShared(LoggerContext context, ObservabilityRuntime runtime) {
    return start(context, runtime, true, false);
  }

  /**
   * @param spooling with the disk spool; without it the SDK exporter retries by itself and a full
   *     queue only counts its drops
   */
  public static Optional<OtlpLogExport> start(
      LoggerContext context, ObservabilityRuntime runtime, boolean spooling, boolean attachToRoot) {
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
    QueueSlots slots = new QueueSlots(queueSize, export.queueFullWait().toNanos());
    ExportCounters counters = new ExportCounters(runtime.redactor(), slots::unsettled, queueSize);

    // Without a spool, the SDK's retry; with one, a failure must reach the spool at once.
    SendStage send =
        new SendStage(wireExporter(export, !spooling, context), counters, slots, selfLogGuard);
    SpoolStage spool = spooling ? new SpoolStage(send, settings, context, counters) : null;
    ConcurrentExports exports =
        new ConcurrentExports(
            spool != null ? spool : send, export.exportConcurrency(), slots, counters);
    BatchLogRecordProcessor batch =
        BatchLogRecordProcessor.builder(exports)
            .setScheduleDelay(export.scheduleDelay())
            .setMaxQueueSize(queueSize)
            .setMaxExportBatchSize(Math.min(export.maxExportBatchSize(), queueSize))
            .setExporterTimeout(export.exportTimeout())
            .build();
    QueueAdmission admission =
        new QueueAdmission(
            batch,
            slots,
            exports,
            spool,
            counters,
            context.getLogger(QueueAdmission.class),
            SELF_LOG_INTERVAL,
            System::nanoTime);

    LogbackToOtlpAppender appender =
        new LogbackToOtlpAppender(
            new RecordEmitter(ServiceResource.of(settings), admission, Clock.getDefault()),
            runtime.redactor(),
            Level.toLevel(export.exportLevel(), Level.INFO),
            export.codeAttributes(),
            settings.limits());
    appender.setContext(context);
    appender.start();

    OtlpLogExport installed =
        new OtlpLogExport(
            context,
            export,
            counters,
            spool,
            slots,
            admission,
            appender,
            selfLogGuard,
            attachToRoot);
    if (attachToRoot) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }
    runtime.exportStatusSource(installed::status);
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

  private static Sender wireExporter(
      ExportSettings export, boolean sdkRetry, LoggerContext context) {
    // Without a spool: the OTLP spec's retry (429/502/503/504, dropped connections, Retry-After
    // honoured) inside the SDK's sender. With one, its replayer retries with backoff instead.
    return OtlpHttpLogSender.create(
        export.logsEndpoint(),
        export.headers(),
        export.requestTimeout(),
        export.compression(),
        sdkRetry,
        context.getLogger(OtlpHttpLogSender.class));
  }

  /** The live export figures, the spool's included. */
  @Override
  public ExportStatus status() {
    return spool != null ? spool.status(counters.snapshot(true)) : counters.snapshot(false);
  }

  /** Before the final flush, with its deadline (a {@link System#nanoTime} value). */
  private void beforeShutdown(long deadlineNanos) {
    if (spool != null) {
      spool.beginShutdown(counters.snapshot(true).delivery(), deadlineNanos);
    }
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
  public LogbackToOtlpAppender appender() {
    return appender;
  }
}
