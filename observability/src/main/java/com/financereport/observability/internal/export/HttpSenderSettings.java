package com.financereport.observability.internal.export;

import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.ProxyOptions;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * What the SDK's HTTP sender needs for one OTLP/HTTP endpoint, as the SDK's own exporter builder
 * would give it: protobuf content, the configured headers, timeout and compression, a 10 s connect
 * timeout, the JVM's TLS and proxy defaults, and the sender's own executor.
 *
 * @param retryPolicy the OTLP spec's retry inside the sender, or null when the spool retries
 */
record HttpSenderSettings(
    URI endpoint,
    Map<String, List<String>> headers,
    Duration timeout,
    Compressor compressor,
    RetryPolicy retryPolicy)
    implements HttpSenderConfig {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final String USER_AGENT = "finance-report-observability OTel-OTLP-Exporter-Java";

  static HttpSenderSettings of(
      URI endpoint,
      Map<String, String> headers,
      Duration timeout,
      String compression,
      RetryPolicy retryPolicy) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    all.put("User-Agent", List.of(USER_AGENT));
    headers.forEach((name, value) -> all.put(name, List.of(value)));
    return new HttpSenderSettings(
        endpoint,
        Map.copyOf(all),
        timeout,
        "gzip".equalsIgnoreCase(compression) ? Gzip.INSTANCE : null,
        retryPolicy);
  }

  @Override
  public URI getEndpoint() {
    return endpoint;
  }

  @Override
  public String getContentType() {
    return "application/x-protobuf";
  }

  @Override
  public Compressor getCompressor() {
    return compressor;
  }

  @Override
  public Duration getTimeout() {
    return timeout;
  }

  @Override
  public Duration getConnectTimeout() {
    return CONNECT_TIMEOUT;
  }

  @Override
  public Supplier<Map<String, List<String>>> getHeadersSupplier() {
    return () -> headers;
  }

  @Override
  public ProxyOptions getProxyOptions() {
    return null;
  }

  @Override
  public RetryPolicy getRetryPolicy() {
    return retryPolicy;
  }

  @Override
  public SSLContext getSslContext() {
    return null;
  }

  @Override
  public X509TrustManager getTrustManager() {
    return null;
  }

  @Override
  public ExecutorService getExecutorService() {
    return null;
  }

  /** Headers are secrets: only their names are shown. */
  @Override
  public String toString() {
    return "HttpSenderSettings[endpoint=" + endpoint + ", headers=" + headers.keySet() + "]";
  }

  /** {@code Content-Encoding: gzip}, as OTEL_EXPORTER_OTLP_COMPRESSION=gzip asks. */
  private enum Gzip implements Compressor {
    INSTANCE;

    @Override
    public String getEncoding() {
      return "gzip";
    }

    @Override
    public OutputStream compress(OutputStream out) throws IOException {
      return new GZIPOutputStream(out);
    }
  }
}
