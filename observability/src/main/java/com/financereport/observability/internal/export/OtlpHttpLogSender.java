package com.financereport.observability.internal.export;

import com.financereport.observability.internal.wire.LogsRequestEncoder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Sends each batch to the collector's {@code /v1/logs} as one OTLP/HTTP protobuf request, written
 * by our {@link LogsRequestEncoder} on the exporting thread and carried by the SDK's HTTP sender
 * ({@link OtlpHttpTransport}, which says what each answer means).
 */
public final class OtlpHttpLogSender extends OtlpHttpExporterBase implements Sender {
  private static final ThreadLocal<LogsRequestEncoder> ENCODERS =
      ThreadLocal.withInitial(LogsRequestEncoder::new);

  private OtlpHttpLogSender(OtlpHttpTransport transport) {
    super(transport);
  }

  /**
   * A sender to {@code endpoint} through the HTTP sender the class path provides.
   *
   * @param sdkRetry the OTLP spec's retry (429/502/503/504, dropped connections, Retry-After)
   *     inside the sender; off when the spool retries instead
   */
  public static OtlpHttpLogSender create(
      URI endpoint,
      Map<String, String> headers,
      Duration timeout,
      String compression,
      boolean sdkRetry,
      Logger logger) {
    return create(
        HttpSenderSettings.of(
            endpoint, headers, timeout, compression, sdkRetry ? RetryPolicy.getDefault() : null),
        OtlpHttpTransport.classPathProvider(),
        logger);
  }

  static OtlpHttpLogSender create(
      HttpSenderSettings settings, HttpSenderProvider provider, Logger logger) {
    return new OtlpHttpLogSender(
        new OtlpHttpTransport(provider.createSender(settings), logger, "log record(s)"));
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    return transport.send(ENCODERS.get().encode(logs).toByteArray(), logs.size());
  }
}
