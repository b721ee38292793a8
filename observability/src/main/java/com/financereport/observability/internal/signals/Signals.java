package com.financereport.observability.internal.signals;

import com.financereport.observability.internal.export.ExportCounters;
import com.financereport.observability.internal.export.OtlpHttpSpanSender;
import com.financereport.observability.internal.export.SafeLocation;
import com.financereport.observability.internal.export.ServiceResource;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.settings.MetricSettings;
import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.settings.TraceSettings;
import com.financereport.observability.status.ExportStatus;
import com.financereport.observability.status.SignalStatus;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.OpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Traces and metrics, opt-in ({@code OTEL_TRACES_EXPORTER=otlp}, {@code OTEL_METRICS_EXPORTER=otlp}),
 * on the same resource as the logs; spans through our encoder and the SDK's HTTP sender, metrics
 * through the SDK's OTLP/HTTP exporter:
 *
 * <pre>
 * spans   ─ sampler ─ BatchSpanProcessor ─ OtlpHttpSpanSender (counts each batch) ─ /v1/traces
 * metrics ─ PeriodicMetricReader ─ CountingMetricExporter ─ OTLP/HTTP /v1/metrics
 *           (http.server.request.duration, the log pipeline's figures, the SDK's own figures)
 * </pre>
 *
 * <p>With both off, {@link #openTelemetry()} is {@link OpenTelemetry#noop()} with the W3C
 * propagator: no thread, no socket, and spans stay what the caller makes of them.
 */
public final class Signals {
  /** The instrumentation scope of what this library measures itself. */
  public static final String SCOPE = "com.financereport.observability";

  private final OpenTelemetry openTelemetry;
  private final SdkTracerProvider tracerProvider;
  private final SdkMeterProvider meterProvider;
  private final SdkSelfTelemetry selfTelemetry;
  private final TraceSettings traceSettings;
  private final MetricSettings metricSettings;
  private final ExportCounters spanCounters;
  private final ExportCounters pointCounters;

  private Signals(ObservabilitySettings settings, Supplier<ExportStatus> logs, Redactor redactor) {
    this.traceSettings = settings.traces();
    this.metricSettings = settings.metrics();
    this.spanCounters = new ExportCounters(redactor);
    this.pointCounters = new ExportCounters(redactor);
    if (!traceSettings.enabled() && !metricSettings.enabled()) {
      openTelemetry = OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
      tracerProvider = null;
      meterProvider = null;
      selfTelemetry = null;
      return;
    }
    Resource resource = ServiceResource.of(settings);
    selfTelemetry = new SdkSelfTelemetry();
    SdkMeterProviderBuilder meters = SdkMeterProvider.builder().setResource(resource);
    meters.registerMetricReader(selfTelemetry);
    if (metricSettings.enabled()) {
      meters.registerMetricReader(
          PeriodicMetricReader.builder(
                  new CountingMetricExporter(metricExporter(metricSettings), pointCounters))
              .setInterval(metricSettings.exportInterval())
              .build());
    }
    meterProvider = meters.build();
    OpenTelemetrySdkBuilder sdk =
        OpenTelemetrySdk.builder()
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
    if (metricSettings.enabled()) {
      sdk.setMeterProvider(meterProvider);
      LogPipelineMeters.register(meterProvider.get(SCOPE), logs);
    }
    if (traceSettings.enabled()) {
      tracerProvider =
          SdkTracerProvider.builder()
              .setResource(resource)
              .setSampler(Samplers.of(traceSettings.sampler(), traceSettings.samplerRatio()))
              .addSpanProcessor(
                  BatchSpanProcessor.builder(spanExporter(traceSettings, spanCounters))
                      .setScheduleDelay(traceSettings.scheduleDelay())
                      .setMaxQueueSize(traceSettings.maxQueueSize())
                      .setMaxExportBatchSize(
                          Math.min(traceSettings.maxExportBatchSize(), traceSettings.maxQueueSize()))
                      .setExporterTimeout(traceSettings.exportTimeout())
                      .setMeterProvider(meterProvider)
                      .setInternalTelemetryVersion(InternalTelemetryVersion.LATEST)
                      .build())
              .build();
      sdk.setTracerProvider(tracerProvider);
    } else {
      tracerProvider = null;
    }
    openTelemetry = sdk.build();
  }

  /** Starts what the settings enable; with nothing enabled this creates no thread or socket. */
  public static Signals start(
      ObservabilitySettings settings, Supplier<ExportStatus> logs, Redactor redactor) {
    return new Signals(settings, logs, redactor);
  }

  /** The API to instrument with: tracer and meter of this process's signals (no-op when off). */
  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  public SignalStatus traces() {
    if (!traceSettings.enabled()) {
      return SignalStatus.off(traceSettings.disabledReason());
    }
    return status(SafeLocation.of(traceSettings.endpoint()), spanCounters.snapshot(false), selfTelemetry.droppedSpans());
  }

  public SignalStatus metrics() {
    if (!metricSettings.enabled()) {
      return SignalStatus.off(metricSettings.disabledReason());
    }
    return status(SafeLocation.of(metricSettings.endpoint()), pointCounters.snapshot(false), 0);
  }

  /** Exports what is buffered and stops, waiting at most {@code timeout} in all. */
  public void shutdown(Duration timeout) {
    List<CompletableResultCode> stopping = new ArrayList<>();
    if (tracerProvider != null) {
      stopping.add(tracerProvider.shutdown());
    }
    if (meterProvider != null) {
      stopping.add(meterProvider.shutdown());
    }
    CompletableResultCode.ofAll(stopping).join(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static SignalStatus status(String endpoint, ExportStatus counted, long droppedBySdk) {
    return new SignalStatus(
        true,
        endpoint,
        null,
        counted.delivery().exported(),
        counted.delivery().failed(),
        counted.dropped().total() + droppedBySdk,
        counted.delivery().lastSuccess(),
        counted.delivery().lastError());
  }

  private static SpanExporter spanExporter(TraceSettings settings, ExportCounters counters) {
    return OtlpHttpSpanSender.create(
        settings.endpoint(),
        settings.headers(),
        settings.requestTimeout(),
        settings.compression(),
        counters,
        LoggerFactory.getLogger(OtlpHttpSpanSender.class));
  }

  private static OtlpHttpMetricExporter metricExporter(MetricSettings settings) {
    OtlpHttpMetricExporterBuilder builder =
        OtlpHttpMetricExporter.builder()
            .setEndpoint(settings.endpoint().toString())
            .setTimeout(settings.requestTimeout())
            .setCompression(settings.compression());
    settings.headers().forEach(builder::addHeader);
    return builder.build();
  }
}
