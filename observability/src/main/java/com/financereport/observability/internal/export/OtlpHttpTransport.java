package com.financereport.observability.internal.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * One OTLP/HTTP endpoint ({@code /v1/logs}, {@code /v1/traces}): each request body, already
 * encoded, is carried by the SDK's {@link HttpSender} (found through its public {@link
 * HttpSenderProvider} SPI, the JDK sender by default), which also does the spec's retries when
 * asked. The answer ends the request:
 *
 * <ul>
 *   <li>2xx: success, or a {@link PartialSuccessException} when its {@code partial_success} says
 *       items were refused (the first one is logged, later ones only counted); the field numbers
 *       are the same for every signal;
 *   <li>any other status: a {@link CollectorAnswerException} with the status and the collector's
 *       reason;
 *   <li>no answer: the sender's exception (refused connection, timeout ...).
 * </ul>
 *
 * Each failure is logged at WARN on the caller's logger, which the export's self-log limiter lets
 * through once a minute and never exports.
 */
final class OtlpHttpTransport {
  private final HttpSender http;
  private final Logger logger;
  private final String items;
  private final AtomicBoolean partialSuccessReported = new AtomicBoolean();
  private final AtomicBoolean shutDown = new AtomicBoolean();

  /**
   * @param items what a request carries, plural, for the log lines: "log record(s)", "span(s)"
   */
  OtlpHttpTransport(HttpSender http, Logger logger, String items) {
    this.http = http;
    this.logger = logger;
    this.items = items;
  }

  /**
   * A transport to {@code endpoint} through the HTTP sender the class path provides.
   *
   * @param settings endpoint, headers, timeout, compression and retry
   */
  static OtlpHttpTransport create(HttpSenderSettings settings, Logger logger, String items) {
    return new OtlpHttpTransport(classPathProvider().createSender(settings), logger, items);
  }

  /**
   * The class path's HTTP sender: the SDK's JDK sender when present (this library depends on it),
   * else the first one found, as an application that brings OkHttp's instead would expect.
   */
  static HttpSenderProvider classPathProvider() {
    HttpSenderProvider first = null;
    for (HttpSenderProvider provider :
        ServiceLoader.load(HttpSenderProvider.class, OtlpHttpTransport.class.getClassLoader())) {
      if (provider.getClass().getName().contains(".jdk.")) {
        return provider;
      }
      first = first == null ? provider : first;
    }
    if (first == null) {
      throw new IllegalStateException(
          "no io.opentelemetry.sdk.common.export.HttpSenderProvider on the class path"
              + " (opentelemetry-exporter-sender-jdk is missing)");
    }
    return first;
  }

  /** Sends one request of {@code count} items; the result is the collector's answer. */
  CompletableResultCode send(byte[] body, int count) {
    if (shutDown.get()) {
      return CompletableResultCode.ofFailure();
    }
    CompletableResultCode result = new CompletableResultCode();
    http.send(
        new Request(body),
        response -> answered(response, count, result),
        failure -> {
          logger.warn(
              "OTLP export of {} {} failed: the collector could not be reached ({})",
              count,
              items,
              failure.toString());
          result.failExceptionally(failure);
        });
    return result;
  }

  private void answered(HttpResponse response, int count, CompletableResultCode result) {
    int status = response.getStatusCode();
    if (status < 200 || status >= 300) {
      CollectorAnswerException answer =
          CollectorAnswerException.of(
              status, response.getStatusMessage(), response.getResponseBody());
      logger.warn("OTLP export of {} {} failed: {}", count, items, answer.getMessage());
      result.failExceptionally(answer);
      return;
    }
    PartialSuccess partial = PartialSuccess.decode(response.getResponseBody());
    if (partial.rejected() == 0 || count == 0) {
      result.succeed();
      return;
    }
    PartialSuccessException refusal = new PartialSuccessException(count, partial);
    if (partialSuccessReported.compareAndSet(false, true)) {
      logger.warn(
          "OTLP export: {}. Refused {} are not retried; the export status counts them"
              + " as rejected. Later partial successes are counted, not logged",
          refusal.getMessage(),
          items);
    }
    result.failExceptionally(refusal);
  }

  CompletableResultCode shutdown() {
    if (!shutDown.compareAndSet(false, true)) {
      return CompletableResultCode.ofSuccess();
    }
    return http.shutdown();
  }

  /** One encoded request: the sender may write it more than once (a retry). */
  private record Request(byte[] body) implements MessageWriter {
    @Override
    public void writeMessage(OutputStream out) throws IOException {
      out.write(body);
    }

    @Override
    public int getContentLength() {
      return body.length;
    }
  }
}
