package com.financereport.cli.verify;

import com.financereport.cli.output.CheckResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one canary log record through the official SDK exporter, the same path a service's logs
 * take, with the service's resource (service.name, deployment.environment) and a unique id.
 *
 * <p>One attempt within its own timeout: the SDK's retries (5 attempts, backoff up to 5 s) are off,
 * so a refused port fails at once and the answer the collector gave is the one reported.
 */
final class CanarySender {
  static final AttributeKey<String> CANARY_ID = AttributeKey.stringKey("obs.canary.id");
  private static final long JOIN_MARGIN_MS = 500;

  private final Duration timeout;

  CanarySender(Duration timeout) {
    this.timeout = timeout;
  }

  CheckResult send(URI logsEndpoint, Map<String, String> headers, String service, String environment, String canaryId) {
    OtlpHttpLogRecordExporterBuilder builder =
        OtlpHttpLogRecordExporter.builder()
            .setEndpoint(logsEndpoint.toString())
            .setTimeout(timeout)
            .setConnectTimeout(timeout)
            .setRetryPolicy(null);
    headers.forEach(builder::addHeader);
    ResultRecordingExporter exporter = new ResultRecordingExporter(builder.build());
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.builder()
                        .put("service.name", service)
                        .put("deployment.environment", environment)
                        .put("deployment.environment.name", environment)
                        .build()));
    SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(resource)
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
            .build();
    try {
      provider
          .get("obs-verify")
          .logRecordBuilder()
          .setTimestamp(Instant.now())
          .setSeverity(Severity.INFO)
          .setSeverityText("INFO")
          .setBody("obs verify canary " + canaryId)
          .setAttribute(CANARY_ID, canaryId)
          .emit();
      CompletableResultCode result = exporter.lastResult();
      // No retries: one request, bounded by the timeout; the margin covers marshalling.
      result.join(timeout.toMillis() + JOIN_MARGIN_MS, TimeUnit.MILLISECONDS);
      if (result.isSuccess()) {
        return CheckResult.ok("canary sent", "id " + canaryId + " accepted by " + logsEndpoint);
      }
      Throwable failure = result.getFailureThrowable();
      return CheckResult.fail(
          "canary sent",
          "export to "
              + logsEndpoint
              + " failed in one attempt (no retries)"
              + (failure == null
                  ? (result.isDone() ? "" : ": no answer within " + timeout.toMillis() + " ms")
                  : ": " + failure.getMessage()));
    } finally {
      provider.shutdown().join(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Keeps the export's result so the check can report it; the SDK processor discards it. */
  private static final class ResultRecordingExporter implements LogRecordExporter {
    private final LogRecordExporter delegate;
    private final AtomicReference<CompletableResultCode> last =
        new AtomicReference<>(CompletableResultCode.ofFailure());

    ResultRecordingExporter(LogRecordExporter delegate) {
      this.delegate = delegate;
    }

    CompletableResultCode lastResult() {
      return last.get();
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      CompletableResultCode result = delegate.export(logs);
      last.set(result);
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }
}
