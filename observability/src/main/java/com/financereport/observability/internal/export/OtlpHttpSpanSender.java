package com.financereport.observability.internal.export;

import com.financereport.observability.internal.wire.SpansRequestEncoder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Sends each span batch to the collector's {@code /v1/traces} as one OTLP/HTTP protobuf request,
 * written by our {@link SpansRequestEncoder} on the exporting thread and carried by the SDK's HTTP
 * sender, with the spec's retries ({@link OtlpHttpTransport}, which says what each answer means).
 */
public final class OtlpHttpSpanSender extends OtlpHttpExporterBase implements SpanExporter {
  private static final ThreadLocal<SpansRequestEncoder> ENCODERS =
      ThreadLocal.withInitial(SpansRequestEncoder::new);

  private final ExportCounters counters;

  private OtlpHttpSpanSender(OtlpHttpTransport transport, ExportCounters counters) {
    super(transport);
    this.counters = counters;
  }

  /**
   * A sender to {@code endpoint}, retrying as the OTLP spec says (spans have no spool), that counts
   * what the collector made of each batch in {@code counters}: a failed batch is lost, and counted
   * so.
   */
  public static OtlpHttpSpanSender create(
      URI endpoint,
      Map<String, String> headers,
      Duration timeout,
      String compression,
      ExportCounters counters,
      Logger logger) {
    return new OtlpHttpSpanSender(
        OtlpHttpTransport.create(
            HttpSenderSettings.of(endpoint, headers, timeout, compression, RetryPolicy.getDefault()),
            logger,
            "span(s)"),
        counters);
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return counters.countWhenDone(
        transport.send(ENCODERS.get().encode(spans).toByteArray(), spans.size()), spans.size());
  }
}
