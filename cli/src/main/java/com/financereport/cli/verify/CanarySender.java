package com.financereport.cli.verify;

import com.financereport.cli.output.CheckResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Sends one canary, a log record or a span, through the official SDK OTLP/HTTP exporter, the same
 * path a service's signals take, with the service's resource (service.name,
 * deployment.environment) and a unique id. A span is named {@value #SPAN_NAME}.
 *
 * <p>One attempt within its own timeout: the SDK's retries (5 attempts, backoff up to 5 s) are off,
 * so a refused port fails at once and the answer the collector gave is the one reported. The canary
 * is built by the SDK's provider, kept when emitted or ended, and handed to the exporter directly,
 * so the export's own result is the one judged (the SDK's export processors discard it).
 */
final class CanarySender {
  static final AttributeKey<String> CANARY_ID = AttributeKey.stringKey("obs.canary.id");
  static final String SPAN_NAME = "obs-verify-canary";
  private static final String SCOPE = "obs-verify";
  private static final long JOIN_MARGIN_MS = 500;

  private final Duration timeout;

  CanarySender(Duration timeout) {
    this.timeout = timeout;
  }

  CheckResult send(
      CanarySignal signal, URI endpoint, Map<String, String> headers, String service, String environment, String canaryId) {
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.builder()
                        .put("service.name", service)
                        .put("deployment.environment", environment)
                        .put("deployment.environment.name", environment)
                        .build()));
    CompletableResultCode result =
        signal == CanarySignal.LOGS
            ? exportLog(endpoint, headers, resource, canaryId)
            : exportSpan(endpoint, headers, resource, canaryId);
    if (result.isSuccess()) {
      return CheckResult.ok(signal.sentCheck(), "id " + canaryId + " accepted by " + endpoint);
    }
    Throwable failure = result.getFailureThrowable();
    return CheckResult.fail(
        signal.sentCheck(),
        "export to "
            + endpoint
            + " failed in one attempt (no retries)"
            + (failure == null
                ? (result.isDone() ? "" : ": no answer within " + timeout.toMillis() + " ms")
                : ": " + failure.getMessage()));
  }

  private CompletableResultCode exportLog(URI endpoint, Map<String, String> headers, Resource resource, String canaryId) {
    AtomicReference<LogRecordData> emitted = new AtomicReference<>();
    SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(resource)
            .addLogRecordProcessor((context, record) -> emitted.set(record.toLogRecordData()))
            .build();
    provider
        .get(SCOPE)
        .logRecordBuilder()
        .setTimestamp(Instant.now())
        .setSeverity(Severity.INFO)
        .setSeverityText("INFO")
        .setBody("obs verify canary " + canaryId)
        .setAttribute(CANARY_ID, canaryId)
        .emit();
    provider.shutdown();
    OtlpHttpLogRecordExporterBuilder builder =
        OtlpHttpLogRecordExporter.builder()
            .setEndpoint(endpoint.toString())
            .setTimeout(timeout)
            .setConnectTimeout(timeout)
            .setRetryPolicy(null);
    headers.forEach(builder::addHeader);
    OtlpHttpLogRecordExporter exporter = builder.build();
    return awaitOnce(exporter.export(List.of(emitted.get())), exporter::shutdown);
  }

  private CompletableResultCode exportSpan(URI endpoint, Map<String, String> headers, Resource resource, String canaryId) {
    AtomicReference<SpanData> ended = new AtomicReference<>();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().setResource(resource).addSpanProcessor(new EndedSpan(ended)).build();
    // INTERNAL, not SERVER: SigNoz derives a service's request rate and latency from entry-point
    // spans, and a canary must not count as a request the service served.
    provider
        .get(SCOPE)
        .spanBuilder(SPAN_NAME)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(CANARY_ID, canaryId)
        .startSpan()
        .end();
    provider.shutdown();
    OtlpHttpSpanExporterBuilder builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint.toString())
            .setTimeout(timeout)
            .setConnectTimeout(timeout)
            .setRetryPolicy(null);
    headers.forEach(builder::addHeader);
    OtlpHttpSpanExporter exporter = builder.build();
    return awaitOnce(exporter.export(List.of(ended.get())), exporter::shutdown);
  }

  /** Keeps the span's data when it ends, as the logs' processor keeps the record's. */
  private record EndedSpan(AtomicReference<SpanData> ended) implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      ended.set(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }

  /** Waits for the one request (the margin covers marshalling), then releases the exporter. */
  private CompletableResultCode awaitOnce(CompletableResultCode result, Supplier<CompletableResultCode> shutdown) {
    result.join(timeout.toMillis() + JOIN_MARGIN_MS, TimeUnit.MILLISECONDS);
    shutdown.get().join(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return result;
  }
}
