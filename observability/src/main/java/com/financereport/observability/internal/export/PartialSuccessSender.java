package com.financereport.observability.internal.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.function.Consumer;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * The SDK's HTTP sender, with a 2xx answer whose {@code partial_success} refused records turned
 * into the send's error: the SDK's exporter reads only the status of a success, and so would count
 * a partial success as full. The refusal travels with the request's own callbacks, so it reaches
 * the export that sent the request whichever thread sends or answers.
 */
final class PartialSuccessSender implements HttpSender {
  // Held so that the filter set on it stays: JUL keeps its loggers only weakly.
  private static final Logger SDK_EXPORTER_LOG =
      Logger.getLogger("io.opentelemetry.exporter.otlp.internal.HttpExporter");

  private final HttpSender delegate;

  PartialSuccessSender(HttpSender delegate) {
    this.delegate = delegate;
  }

  @Override
  public void send(
      MessageWriter messageWriter,
      Consumer<HttpResponse> onResponse,
      Consumer<Throwable> onError) {
    delegate.send(
        messageWriter,
        response -> {
          int status = response.getStatusCode();
          PartialSuccess answer =
              status >= 200 && status < 300
                  ? PartialSuccess.decode(response.getResponseBody())
                  : PartialSuccess.NONE;
          if (answer.rejected() > 0) {
            // After the sender's retries: a partial success is final, never retried.
            onError.accept(new Refusal(answer));
          } else {
            onResponse.accept(response);
          }
        },
        onError);
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  /**
   * The SDK logs a {@link Refusal} as a request that "could not be executed"; it was delivered, and
   * {@link PartialSuccessExporter} warns in its own words. Only those lines are held back; the
   * filter runs when the SDK logs, never on an application's log call.
   */
  static void quietTheSdksLineForRefusals() {
    synchronized (SDK_EXPORTER_LOG) {
      Filter current = SDK_EXPORTER_LOG.getFilter();
      if (current instanceof WithoutRefusals) {
        return;
      }
      SDK_EXPORTER_LOG.setFilter(new WithoutRefusals(current));
    }
  }

  /** Passes every line of the SDK's exporter but those a {@link Refusal} caused. */
  private record WithoutRefusals(Filter next) implements Filter {
    @Override
    public boolean isLoggable(java.util.logging.LogRecord line) {
      return !(line.getThrown() instanceof Refusal) && (next == null || next.isLoggable(line));
    }
  }

  /**
   * The collector's partial success, as the failure the SDK hands back with the export's result;
   * {@link PartialSuccessExporter} turns it into a {@link PartialSuccessException} for the batch.
   */
  static final class Refusal extends Exception {
    private final transient PartialSuccess answer;

    Refusal(PartialSuccess answer) {
      super(
          "the collector accepted the request and refused "
              + answer.rejected()
              + " log record(s) (OTLP partial success)",
          null,
          false,
          false);
      this.answer = answer;
    }

    PartialSuccess answer() {
      return answer;
    }
  }
}
