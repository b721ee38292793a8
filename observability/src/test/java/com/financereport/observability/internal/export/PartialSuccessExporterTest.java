package com.financereport.observability.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Answer;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.logs.TestLogRecordData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The SDK exporter against the test collector, with its answers' partial_success read. */
class PartialSuccessExporterTest {
  private OtlpTestReceiver receiver;
  private PartialSuccessExporter exporter;
  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private Logger exporterLogger;

  @BeforeEach
  void start() {
    receiver = OtlpTestReceiver.start();
    exporter =
        PartialSuccessExporter.build(
            OtlpHttpLogRecordExporter.builder()
                .setEndpoint(receiver.logsEndpoint().toString())
                .setRetryPolicy(null));
    exporterLogger =
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(PartialSuccessExporter.class);
    warnings.start();
    exporterLogger.addAppender(warnings);
  }

  @AfterEach
  void stop() {
    exporterLogger.detachAppender(warnings);
    exporter.shutdown().join(5, TimeUnit.SECONDS);
    receiver.close();
  }

  private static List<LogRecordData> records(int count) {
    List<LogRecordData> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(TestLogRecordData.builder().setBody("record " + i).build());
    }
    return records;
  }

  private CompletableResultCode export(int count) {
    return exporter.export(records(count)).join(10, TimeUnit.SECONDS);
  }

  @Test
  void aFullSuccessSucceeds() {
    assertThat(export(5).isSuccess()).isTrue();
    assertThat(receiver.awaitRecords(5, java.time.Duration.ofSeconds(5))).hasSize(5);
  }

  @Test
  void aPartialSuccessEndsInAnExceptionThatSaysWhatWasRefused() {
    receiver.thenAnswer(Answer.partialSuccess(2));

    CompletableResultCode result = export(5);

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.getFailureThrowable())
        .isInstanceOfSatisfying(
            PartialSuccessException.class,
            partial -> {
              assertThat(partial.accepted()).isEqualTo(3);
              assertThat(partial.rejected()).isEqualTo(2);
              assertThat(partial.getMessage())
                  .isEqualTo(
                      "the collector refused 2 of 5 records (partial success): rejected by the"
                          + " test receiver");
            });
    assertThat(receiver.recordCount()).as("the request itself arrived").isEqualTo(5);
  }

  @Test
  void aCollectorClaimingMoreRefusalsThanTheBatchHeldRefusedTheBatch() {
    receiver.thenAnswer(Answer.partialSuccess(1_000));

    CompletableResultCode result = export(5);

    assertThat(PartialSuccessException.undelivered(result.getFailureThrowable(), 5)).isEqualTo(5);
    assertThat(((PartialSuccessException) result.getFailureThrowable()).accepted()).isZero();
  }

  @Test
  void aFailureIsTheSdksOwn() {
    receiver.thenAnswer(Answer.status(400));

    CompletableResultCode result = export(5);

    assertThat(result.getFailureThrowable())
        .isInstanceOfSatisfying(
            FailedExportException.HttpExportException.class,
            http -> assertThat(http.getResponse().getStatusCode()).isEqualTo(400));
    assertThat(PartialSuccessException.undelivered(result.getFailureThrowable(), 5)).isEqualTo(5);
  }

  @Test
  void theFirstPartialSuccessIsLoggedAndLaterOnesOnlyReported() {
    receiver.thenAnswer(Answer.partialSuccess(1), Answer.partialSuccess(1), Answer.ok());

    export(3);
    export(3);
    CompletableResultCode third = export(3);

    assertThat(warnings.list)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getFormattedMessage())
                    .startsWith(
                        "OTLP export: the collector refused 1 of 3 records (partial success)"));
    assertThat(third.isSuccess()).isTrue();
  }

  @Test
  void concurrentExportsEachGetTheirOwnAnswer() throws InterruptedException {
    receiver.thenAnswer(Answer.partialSuccess(1), Answer.ok(), Answer.partialSuccess(1), Answer.ok());
    List<CompletableResultCode> results = new ArrayList<>();
    Thread[] threads = new Thread[4];
    for (int i = 0; i < threads.length; i++) {
      threads[i] =
          new Thread(
              () -> {
                CompletableResultCode result = exporter.export(records(2));
                synchronized (results) {
                  results.add(result);
                }
              });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    CompletableResultCode.ofAll(results).join(10, TimeUnit.SECONDS);
    assertThat(results).filteredOn(CompletableResultCode::isSuccess).hasSize(2);
    assertThat(results)
        .filteredOn(result -> result.getFailureThrowable() instanceof PartialSuccessException)
        .hasSize(2);
  }

  @Test
  void theSdkDoesNotCallAPartialSuccessAFailedRequestButStillReportsRealFailures() {
    java.util.logging.Logger sdk =
        java.util.logging.Logger.getLogger("io.opentelemetry.exporter.otlp.internal.HttpExporter");
    List<String> lines = new ArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord line) {
            // Reached only by the lines the logger's filter let through.
            synchronized (lines) {
              lines.add(line.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    sdk.addHandler(capture);
    try {
      receiver.thenAnswer(Answer.partialSuccess(1), Answer.status(400));

      export(3);
      assertThat(lines).as("after the partial success").isEmpty();
      export(3);
      assertThat(lines).as("after the 400").singleElement().asString().contains("400");
    } finally {
      sdk.removeHandler(capture);
    }
  }

  /**
   * The SDK may send a request on any thread: here each request goes out on a thread of its own,
   * the second export's first, so a body tied to the exporting thread, or to the order of the
   * calls, reaches the wrong export or none.
   */
  @Test
  void eachAnswerReachesTheExportThatSentItWhateverThreadSendsIt() throws InterruptedException {
    receiver.thenAnswer(Answer.partialSuccess(2), Answer.ok());
    ReversingSenders senders = new ReversingSenders();
    PartialSuccessExporter hopping =
        PartialSuccessExporter.build(
            OtlpHttpLogRecordExporter.builder()
                .setEndpoint(receiver.logsEndpoint().toString())
                .setRetryPolicy(null),
            LoggerFactory.getLogger(PartialSuccessExporterTest.class),
            senders);
    try {
      CompletableResultCode[] results = new CompletableResultCode[2];
      Thread first = new Thread(() -> results[0] = hopping.export(records(3)));
      first.start();
      first.join();
      Thread second = new Thread(() -> results[1] = hopping.export(records(5)));
      second.start();
      second.join();

      CompletableResultCode.ofAll(List.of(results)).join(10, TimeUnit.SECONDS);
      assertThat(results[0].isSuccess()).as("the first export, answered second: ok").isTrue();
      assertThat(results[1].getFailureThrowable())
          .as("the second export, answered first: 2 of its 5 refused")
          .isInstanceOfSatisfying(
              PartialSuccessException.class,
              partial -> {
                assertThat(partial.rejected()).isEqualTo(2);
                assertThat(partial.accepted()).isEqualTo(3);
              });
    } finally {
      hopping.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  /** JDK senders that hold two requests, then send the later one first, each on another thread. */
  private static final class ReversingSenders implements HttpSenderProvider {
    private final HttpSenderProvider jdk = new JdkHttpSenderProvider();

    @Override
    public HttpSender createSender(HttpSenderConfig config) {
      HttpSender delegate = jdk.createSender(config);
      java.util.Deque<Runnable> held = new java.util.ArrayDeque<>();
      return new HttpSender() {
        @Override
        public void send(
            MessageWriter writer,
            java.util.function.Consumer<HttpResponse> onResponse,
            java.util.function.Consumer<Throwable> onError) {
          synchronized (held) {
            held.push(
                () ->
                    delegate.send(
                        writer,
                        response -> {
                          onResponse.accept(response);
                          next();
                        },
                        error -> {
                          onError.accept(error);
                          next();
                        }));
            if (held.size() == 2) {
              new Thread(this::next, "reversing-sender").start();
            }
          }
        }

        private void next() {
          Runnable request;
          synchronized (held) {
            request = held.poll();
          }
          if (request != null) {
            new Thread(request, "reversing-sender").start();
          }
        }

        @Override
        public CompletableResultCode shutdown() {
          return delegate.shutdown();
        }
      };
    }
  }
}
