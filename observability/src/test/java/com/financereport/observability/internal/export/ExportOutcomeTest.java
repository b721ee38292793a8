package com.financereport.observability.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.internal.export.ExportOutcome.Kind;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Answer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one classification of export outcomes, driven by a real SDK exporter and a real receiver. */
class ExportOutcomeTest {
  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503, 504})
  void theSpecsRetryableStatusesAreRetryable(int status) {
    ExportOutcome outcome = exportAgainst(Answer.status(status));
    assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(outcome.type()).isEqualTo("HTTP " + status);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 413, 500})
  void everyOtherStatusRejectsTheBatchForGood(int status) {
    ExportOutcome outcome = exportAgainst(Answer.status(status));
    assertThat(outcome.kind()).isEqualTo(Kind.REJECTED);
    assertThat(outcome.refused()).isTrue();
  }

  @Test
  void aRefusedConnectionIsRetryableAndNamesTheException() {
    OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(OtlpTestReceiver.refusingBaseEndpoint() + "/v1/traces")
            .setRetryPolicy(null)
            .build();
    ExportOutcome outcome = ExportOutcome.of(export(exporter));
    assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(outcome.type()).contains("Exception");
  }

  @Test
  void aFailureWithoutACauseKeepsTheRecords() {
    assertThat(ExportOutcome.of(CompletableResultCode.ofFailure()).retryable()).isTrue();
  }

  @Test
  void anExportThatDidNotFinishIsATimeoutAndRetryable() {
    ExportOutcome outcome = ExportOutcome.of(new CompletableResultCode());
    assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(outcome.type()).isEqualTo("timeout");
  }

  @Test
  void successIsExported() {
    assertThat(ExportOutcome.of(CompletableResultCode.ofSuccess()).kind()).isEqualTo(Kind.EXPORTED);
  }

  private static ExportOutcome exportAgainst(Answer answer) {
    try (OtlpTestReceiver receiver = OtlpTestReceiver.start()) {
      receiver.alwaysAnswer(answer);
      OtlpHttpSpanExporter exporter =
          OtlpHttpSpanExporter.builder()
              .setEndpoint(receiver.baseEndpoint() + "/v1/traces")
              .setRetryPolicy(null)
              .build();
      return ExportOutcome.of(export(exporter));
    }
  }

  private static CompletableResultCode export(OtlpHttpSpanExporter exporter) {
    try {
      return exporter.export(List.of(span())).join(10, TimeUnit.SECONDS);
    } finally {
      exporter.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  private static TestSpanData span() {
    long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    return TestSpanData.builder()
        .setName("GET /x")
        .setKind(SpanKind.SERVER)
        .setSpanContext(SpanContext.getInvalid())
        .setStartEpochNanos(now)
        .setEndEpochNanos(now + Duration.ofMillis(1).toNanos())
        .setStatus(StatusData.unset())
        .setAttributes(Attributes.empty())
        .setHasEnded(true)
        .setTotalRecordedEvents(0)
        .setTotalRecordedLinks(0)
        .setTotalAttributeCount(0)
        .build();
  }
}
