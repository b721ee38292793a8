package com.financereport.observability.internal.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The SDK's HTTP sender, with the body of each 2xx answer handed to the export that sent the
 * request: the SDK's exporter reads only the status of a success, and so never sees a partial
 * success.
 *
 * <p>The exporter calls {@link #send} on the thread that called its {@code export}, so that
 * thread names the body's destination ({@link #sendingTo}); the answer arrives later, on the HTTP
 * client's thread, after any retries the SDK made.
 */
final class ResponseBodyReadingSender implements HttpSender {
  private static final ThreadLocal<Consumer<byte[]>> successBodyTarget = new ThreadLocal<>();

  private final HttpSender delegate;

  ResponseBodyReadingSender(HttpSender delegate) {
    this.delegate = delegate;
  }

  /**
   * Runs {@code export}; the body of a 2xx answer to the request it sends goes to {@code target}.
   */
  static CompletableResultCode sendingTo(
      Consumer<byte[]> target, Supplier<CompletableResultCode> export) {
    successBodyTarget.set(target);
    try {
      return export.get();
    } finally {
      successBodyTarget.remove();
    }
  }

  @Override
  public void send(
      MessageWriter messageWriter,
      Consumer<HttpResponse> onResponse,
      Consumer<Throwable> onError) {
    Consumer<byte[]> target = successBodyTarget.get();
    if (target == null) {
      delegate.send(messageWriter, onResponse, onError);
      return;
    }
    delegate.send(
        messageWriter,
        response -> {
          try {
            int status = response.getStatusCode();
            if (status >= 200 && status < 300) {
              target.accept(response.getResponseBody());
            }
          } finally {
            onResponse.accept(response); // completes the export, whatever the body held
          }
        },
        onError);
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }
}
