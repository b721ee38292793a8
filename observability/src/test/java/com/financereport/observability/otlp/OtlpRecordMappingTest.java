package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.internal.redaction.Utf8Cut;
import com.financereport.observability.otlp.testing.ReceivedRecord;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class OtlpRecordMappingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private OtlpTestReceiver receiver;
  private ExportFixture fixture;

  @BeforeEach
  void start() {
    receiver = OtlpTestReceiver.start();
    fixture =
        ExportFixture.exportingTo(
            receiver.baseEndpoint(),
            "OTEL_SERVICE_NAME", "billing",
            "ENVIRONMENT", "staging",
            "GIT_COMMIT_SHA", "abc123",
            "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=staging,team=payments",
            "OTEL_EXPORTER_OTLP_HEADERS", "x-collector-token=t0k3n");
  }

  @AfterEach
  void stop() {
    fixture.close();
    receiver.close();
  }

  private ReceivedRecord logOneAndReceive(Runnable logging) {
    logging.run();
    return receiver.awaitRecords(1, WAIT).get(0);
  }

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String SPAN_ID = "b7ad6b7169203331";
  private static final String OTHER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  /** Logs inside a current span of {@link #TRACE_ID} and {@link #SPAN_ID}; returns the record. */
  private ReceivedRecord logOneInSpanAndReceive(Runnable logging) {
    SpanContext span =
        SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
    return logOneAndReceive(
        () -> {
          try (Scope scope = Span.wrap(span).makeCurrent()) {
            logging.run();
          }
        });
  }

  @Test
  void recordsCarryExactlyTheSettingsResource() {
    ReceivedRecord record = logOneAndReceive(() -> fixture.logger("app").info("hello"));

    Map<String, String> expected = fixture.runtime.settings().resource();
    assertThat(record.resourceAttributes().keySet())
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(record.resourceAttribute("service.name")).isEqualTo("billing");
    assertThat(record.resourceAttribute("deployment.environment")).isEqualTo("staging");
    assertThat(record.resourceAttribute("deployment.environment.name")).isEqualTo("staging");
    assertThat(record.resourceAttribute("service.version")).isEqualTo("abc123");
    assertThat(record.resourceAttribute("git.commit")).isEqualTo("abc123");
    assertThat(record.resourceAttribute("team")).isEqualTo("payments");
  }

  @Test
  void bodyIsTheFormattedMessage() {
    ReceivedRecord record =
        logOneAndReceive(() -> fixture.logger("app").info("invoice {} paid", 42));

    assertThat(record.body()).isEqualTo("invoice 42 paid");
  }

  @Test
  void severityCarriesNumberAndText() {
    ReceivedRecord record = logOneAndReceive(() -> fixture.logger("app").warn("careful"));

    assertThat(record.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
    assertThat(record.record().getSeverityText()).isEqualTo("WARN");
  }

  @Test
  void timestampAndObservedTimestampAreSet() {
    long before = System.currentTimeMillis() * 1_000_000L;
    ReceivedRecord record = logOneAndReceive(() -> fixture.logger("app").info("now"));

    assertThat(record.record().getTimeUnixNano()).isGreaterThanOrEqualTo(before - 1_000_000L);
    assertThat(record.record().getObservedTimeUnixNano())
        .isGreaterThanOrEqualTo(record.record().getTimeUnixNano() - 1_000_000L);
  }

  @Test
  void loggerNameBecomesTheInstrumentationScope() {
    ReceivedRecord record =
        logOneAndReceive(() -> fixture.logger("com.example.Billing").info("scoped"));

    assertThat(record.scope().getName()).isEqualTo("com.example.Billing");
  }

  @Test
  void threadNameIsAnAttribute() {
    ReceivedRecord record = logOneAndReceive(() -> fixture.logger("app").info("threaded"));

    assertThat(record.attribute("thread.name")).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void markersArriveAsTheTagsStringArray() {
    ReceivedRecord record =
        logOneAndReceive(
            () ->
                fixture.logger("app")
                    .atInfo()
                    .addMarker(org.slf4j.MarkerFactory.getDetachedMarker("audit"))
                    .log("tagged"));

    assertThat(record.attributes().get("tags").getArrayValue().getValuesList())
        .extracting(value -> value.getStringValue())
        .containsExactly("audit");
  }

  @Test
  void keyValuesArriveTyped() {
    ReceivedRecord record =
        logOneAndReceive(
            () ->
                fixture
                    .logger("app")
                    .atInfo()
                    .addKeyValue("count", 3)
                    .addKeyValue("ratio", 0.5)
                    .addKeyValue("paid", true)
                    .addKeyValue("currency", "EUR")
                    .addKeyValue("ids", List.of(1L, 2L))
                    .addKeyValue("tags", List.of("a", "b"))
                    .addKeyValue("customer", Map.of("tier", "gold", "age", 7))
                    .log("typed"));

    Map<String, AnyValue> attributes = record.attributes();
    assertThat(attributes.get("count").getIntValue()).isEqualTo(3L);
    assertThat(attributes.get("ratio").getDoubleValue()).isEqualTo(0.5);
    assertThat(attributes.get("paid").getBoolValue()).isTrue();
    assertThat(attributes.get("currency").getStringValue()).isEqualTo("EUR");
    assertThat(attributes.get("ids").getArrayValue().getValuesList())
        .extracting(AnyValue::getIntValue)
        .containsExactly(1L, 2L);
    assertThat(attributes.get("tags").getArrayValue().getValuesList())
        .extracting(AnyValue::getStringValue)
        .containsExactly("a", "b");
    assertThat(attributes.get("customer").getKvlistValue().getValuesList())
        .extracting(kv -> kv.getKey() + "=" + kv.getValue())
        .containsExactlyInAnyOrder("tier=string_value: \"gold\"\n", "age=int_value: 7\n");
  }

  @Test
  void mdcEntriesAreAttributes() {
    ReceivedRecord record =
        logOneAndReceive(
            () -> {
              MDC.put("request_id", "r-1");
              try {
                fixture.logger("app").info("with mdc");
              } finally {
                MDC.remove("request_id");
              }
            });

    assertThat(record.attribute("request_id")).isEqualTo("r-1");
  }

  @Test
  void userKeysNeverOverwriteFixedAttributes() {
    ReceivedRecord record =
        logOneAndReceive(
            () -> fixture.logger("app").atInfo().addKeyValue("thread.name", "fake").log("x"));

    assertThat(record.attribute("thread.name")).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void aKeyValueReplacesAnMdcEntryOfTheSameNameWhateverItsType() {
    ReceivedRecord record =
        logOneAndReceive(
            () -> {
              MDC.put("attempt", "first");
              try {
                fixture.logger("app").atInfo().addKeyValue("attempt", 2).log("retried");
              } finally {
                MDC.remove("attempt");
              }
            });

    assertThat(record.record().getAttributesList())
        .filteredOn(attribute -> attribute.getKey().equals("attempt"))
        .singleElement()
        .satisfies(attribute -> assertThat(attribute.getValue().getIntValue()).isEqualTo(2));
    assertThat(record.record().getDroppedAttributesCount()).isEqualTo(1);
  }

  @Test
  void attributesBeyondTheSdksLimitOf128AreCountedAsDropped() {
    ReceivedRecord record =
        logOneAndReceive(
            () -> {
              var event = fixture.logger("app").atInfo();
              for (int i = 0; i < 200; i++) {
                event = event.addKeyValue("k" + i, i);
              }
              event.log("wide");
            });

    // 200 key-values and thread.name: the first 128 names are kept, 73 are dropped and counted.
    assertThat(record.record().getAttributesCount()).isEqualTo(128);
    assertThat(record.record().getDroppedAttributesCount()).isEqualTo(73);
    assertThat(record.attributes()).containsKeys("k0", "k127").doesNotContainKeys("k128");
  }

  @Test
  void traceAndSpanIdsComeFromTheCurrentSpan() {
    ReceivedRecord record = logOneInSpanAndReceive(() -> fixture.logger("app").info("traced"));

    assertThat(HexFormat.of().formatHex(record.record().getTraceId().toByteArray()))
        .isEqualTo(TRACE_ID);
    assertThat(HexFormat.of().formatHex(record.record().getSpanId().toByteArray()))
        .isEqualTo(SPAN_ID);
  }

  @Test
  void aUserTraceIdThatRepeatsTheRecordsOwnIsNotRepeatedAsAnAttribute() {
    ReceivedRecord record =
        logOneInSpanAndReceive(
            () -> {
              MDC.put("span_id", SPAN_ID);
              try {
                fixture
                    .logger("app")
                    .atInfo()
                    .addKeyValue("trace_id", TRACE_ID)
                    .addKeyValue("linked_trace_id", OTHER_TRACE_ID)
                    .log("HTTP Request");
              } finally {
                MDC.remove("span_id");
              }
            });

    assertThat(record.attributes()).doesNotContainKeys("trace_id", "span_id");
    assertThat(record.attribute("linked_trace_id")).isEqualTo(OTHER_TRACE_ID);
    assertThat(HexFormat.of().formatHex(record.record().getTraceId().toByteArray()))
        .isEqualTo(TRACE_ID);
  }

  @Test
  void aUserTraceIdThatDiffersFromTheRecordsOwnIsKept() {
    ReceivedRecord record =
        logOneInSpanAndReceive(
            () ->
                fixture.logger("app").atInfo().addKeyValue("trace_id", OTHER_TRACE_ID).log("linked"));

    assertThat(record.attribute("trace_id")).isEqualTo(OTHER_TRACE_ID);
  }

  @Test
  void withoutASpanAUserTraceIdIsAnAttribute() {
    ReceivedRecord record =
        logOneAndReceive(
            () -> fixture.logger("app").atInfo().addKeyValue("trace_id", TRACE_ID).log("untraced"));

    assertThat(record.attribute("trace_id")).isEqualTo(TRACE_ID);
  }

  @Test
  void exceptionArrivesAsTypeMessageAndStackTrace() {
    ReceivedRecord record =
        logOneAndReceive(
            () -> fixture.logger("app").error("failed", new IllegalStateException("boom")));

    assertThat(record.attribute("exception.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(record.attribute("exception.message")).isEqualTo("boom");
    assertThat(record.attribute("exception.stacktrace"))
        .contains("java.lang.IllegalStateException: boom")
        .contains("OtlpRecordMappingTest");
  }

  @Test
  void eventsBelowTheExportLevelStayOnStdoutOnly() {
    Logger logger = fixture.logger("app");
    logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
    logger.debug("debug only");
    logger.info("exported");

    List<ReceivedRecord> records = receiver.awaitRecords(1, WAIT);
    assertThat(records).extracting(ReceivedRecord::body).containsExactly("exported");
    assertThat(fixture.stdoutLines()).anyMatch(line -> line.contains("debug only"));
  }

  @Test
  void configuredHeadersAreSentUncompressedByDefault() {
    fixture.logger("app").info("with headers");
    receiver.awaitRecords(1, WAIT);

    OtlpTestReceiver.Received request = receiver.requests().get(receiver.requests().size() - 1);
    assertThat(request.header("x-collector-token")).isEqualTo("t0k3n");
    assertThat(request.header("Content-Encoding")).isNull();
    assertThat(request.header("Content-Type")).isEqualTo("application/x-protobuf");
  }

  @Test
  void gzipWhenConfiguredAndTheReceiverDecodesIt() {
    try (OtlpTestReceiver gzipReceiver = OtlpTestReceiver.start();
        ExportFixture gzip =
            ExportFixture.exportingTo(
                gzipReceiver.baseEndpoint(), "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip")) {
      gzip.logger("app").info("compressed");

      List<ReceivedRecord> records = gzipReceiver.awaitRecords(1, WAIT);

      assertThat(records).extracting(ReceivedRecord::body).contains("compressed");
      assertThat(gzipReceiver.requests())
          .filteredOn(request -> request.method().equals("POST"))
          .isNotEmpty()
          .allMatch(request -> "gzip".equals(request.header("Content-Encoding")));
    }
  }

  @Test
  void overlongMessageIsCutAtTheValueLimit() {
    ReceivedRecord record =
        logOneAndReceive(() -> fixture.logger("app").info("x".repeat(100_000)));

    assertThat(record.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isEqualTo(fixture.runtime.settings().limits().valueBytes() + Utf8Cut.MARKER.length());
    assertThat(record.body()).endsWith(Utf8Cut.MARKER);
  }

  @Test
  void codeAttributesAreAddedWhenEnabled() {
    try (OtlpTestReceiver own = OtlpTestReceiver.start();
        ExportFixture withCode =
            ExportFixture.exportingTo(own.baseEndpoint(), "OBSERVABILITY_CODE_ATTRIBUTES", "true")) {
      withCode.logger("app").info("where am I");

      ReceivedRecord record = own.awaitRecords(1, WAIT).get(0);
      assertThat(record.attribute("code.namespace")).isEqualTo(getClass().getName());
      assertThat(record.attribute("code.function")).isEqualTo("codeAttributesAreAddedWhenEnabled");
      assertThat(record.attributes().get("code.lineno").getIntValue()).isPositive();
    }
  }

  @Test
  void codeAttributesAreAbsentByDefault() {
    ReceivedRecord record = logOneAndReceive(() -> fixture.logger("app").info("anywhere"));

    assertThat(record.attributes()).doesNotContainKey("code.namespace");
  }
}
