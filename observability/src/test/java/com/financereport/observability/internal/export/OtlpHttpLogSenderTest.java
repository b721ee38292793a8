package com.financereport.observability.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Answer;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Received;
import com.financereport.observability.otlp.testing.ReceivedRecord;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
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

/** Our sender against the test collector: its answers, partial successes and failures. */
class OtlpHttpLogSenderTest {
  private OtlpTestReceiver receiver;
  private OtlpHttpLogSender exporter;
  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private Logger exporterLogger;

  @BeforeEach
  void start() {
    receiver = OtlpTestReceiver.start();
    exporterLogger =
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(OtlpHttpLogSender.class);
    exporter = sender(receiver.logsEndpoint(), Map.of(), "none");
    warnings.start();
    exporterLogger.addAppender(warnings);
  }

  @AfterEach
  void stop() {
    exporterLogger.detachAppender(warnings);
    exporter.shutdown().join(5, TimeUnit.SECONDS);
    receiver.close();
  }

  private OtlpHttpLogSender sender(URI endpoint, Map<String, String> headers, String compression) {
    return OtlpHttpLogSender.create(
        endpoint, headers, Duration.ofSeconds(5), compression, false, exporterLogger);
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
  void aStatusOtherThan2xxEndsInTheStatusAndAWarning() {
    receiver.thenAnswer(Answer.status(400));

    CompletableResultCode result = export(5);

    assertThat(result.getFailureThrowable())
        .isInstanceOfSatisfying(
            CollectorAnswerException.class,
            answer -> assertThat(answer.statusCode()).isEqualTo(400));
    assertThat(ExportOutcome.of(result).kind()).isEqualTo(ExportOutcome.Kind.REJECTED);
    assertThat(PartialSuccessException.undelivered(result.getFailureThrowable(), 5)).isEqualTo(5);
    assertThat(warnings.list)
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .isEqualTo(
            "OTLP export of 5 log record(s) failed: the collector answered HTTP 400:"
                + " refused by the test receiver");
  }

  @Test
  void anUndecodableRequestIsRejectedWithTheCollectorsOwnReason() throws Exception {
    HttpURLConnection post =
        (HttpURLConnection) receiver.logsEndpoint().toURL().openConnection();
    post.setRequestMethod("POST");
    post.setDoOutput(true);
    post.setRequestProperty("Content-Type", "application/x-protobuf");
    post.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFF});
    int status = post.getResponseCode();
    byte[] body = post.getErrorStream().readAllBytes();

    CollectorAnswerException answer = CollectorAnswerException.of(status, "400", body);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.getMessage())
        .isEqualTo(
            "the collector answered HTTP 400: proto: cannot parse invalid wire-format data");
  }

  @Test
  void aStatusBodyThatIsNotAMessageLeavesTheStatusAlone() {
    CollectorAnswerException answer =
        CollectorAnswerException.of(502, "Bad Gateway", "<html>proxy error</html>".getBytes());

    assertThat(answer.getMessage()).isEqualTo("the collector answered HTTP 502 Bad Gateway");
  }

  @Test
  void aRetryableStatusIsRetryableAndNotRetriedByTheSenderWhenTheSpoolRetries() {
    receiver.thenAnswer(Answer.unavailable(0), Answer.ok());

    CompletableResultCode result = export(2);

    assertThat(ExportOutcome.of(result).kind()).isEqualTo(ExportOutcome.Kind.RETRYABLE);
    assertThat(ExportOutcome.of(result).type()).isEqualTo("HTTP 503");
    assertThat(receiver.requests()).as("one attempt: the spool retries").hasSize(1);
  }

  @Test
  void withTheSpecsRetryTheSenderRetriesA503ItselfAndSucceeds() {
    receiver.thenAnswer(Answer.unavailable(0), Answer.ok());
    OtlpHttpLogSender retrying =
        OtlpHttpLogSender.create(
            receiver.logsEndpoint(), Map.of(), Duration.ofSeconds(5), "none", true, exporterLogger);
    try {
      CompletableResultCode result = retrying.export(records(2)).join(10, TimeUnit.SECONDS);

      assertThat(result.isSuccess()).isTrue();
      assertThat(receiver.requests()).extracting(Received::status).containsExactly(503, 200);
    } finally {
      retrying.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRefusedConnectionEndsInTheSendersExceptionAndIsRetryable() {
    OtlpHttpLogSender refused =
        sender(URI.create(OtlpTestReceiver.refusingLogsEndpoint()), Map.of(), "none");
    try {
      CompletableResultCode result = refused.export(records(1)).join(10, TimeUnit.SECONDS);

      assertThat(result.isSuccess()).isFalse();
      assertThat(result.getFailureThrowable()).isNotNull();
      assertThat(ExportOutcome.of(result).kind()).isEqualTo(ExportOutcome.Kind.RETRYABLE);
      assertThat(warnings.list)
          .singleElement()
          .extracting(ILoggingEvent::getFormattedMessage)
          .asString()
          .startsWith("OTLP export of 1 log record(s) failed: the collector could not be reached");
    } finally {
      refused.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void theRequestIsProtobufWithTheConfiguredHeadersAndGzipWhenAsked() {
    OtlpHttpLogSender gzip =
        sender(receiver.logsEndpoint(), Map.of("signoz-ingestion-key", "secret-key"), "gzip");
    try {
      assertThat(gzip.export(records(3)).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

      Received request = receiver.awaitRequests(1, Duration.ofSeconds(5)).get(0);
      assertThat(request.header("Content-Type")).isEqualTo("application/x-protobuf");
      assertThat(request.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(request.header("signoz-ingestion-key")).isEqualTo("secret-key");
      assertThat(request.header("User-Agent")).contains("OTel-OTLP-Exporter-Java");
      assertThat(receiver.records())
          .extracting(ReceivedRecord::body)
          .containsExactly("record 0", "record 1", "record 2");
    } finally {
      gzip.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void afterShutdownNothingIsSent() {
    exporter.shutdown().join(5, TimeUnit.SECONDS);

    assertThat(exporter.export(records(1)).isSuccess()).isFalse();
    assertThat(receiver.requests()).isEmpty();
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

  /**
   * The SDK may send a request on any thread: here each request goes out on a thread of its own,
   * the second export's first, so a body tied to the exporting thread, or to the order of the
   * calls, reaches the wrong export or none.
   */
  @Test
  void eachAnswerReachesTheExportThatSentItWhateverThreadSendsIt() throws InterruptedException {
    receiver.thenAnswer(Answer.partialSuccess(2), Answer.ok());
    ReversingSenders senders = new ReversingSenders();
    OtlpHttpLogSender hopping =
        OtlpHttpLogSender.create(
            HttpSenderSettings.of(receiver.logsEndpoint(), Map.of(), Duration.ofSeconds(5), "none", null),
            senders,
            LoggerFactory.getLogger(OtlpHttpLogSenderTest.class));
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
