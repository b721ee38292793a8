package com.financereport.observability.internal.wire;

import static com.financereport.observability.internal.wire.WireFixtures.HTTP_SCOPE;
import static com.financereport.observability.internal.wire.WireFixtures.OTHER_SERVICE;
import static com.financereport.observability.internal.wire.WireFixtures.PLAIN_SCOPE;
import static com.financereport.observability.internal.wire.WireFixtures.SERVICE;
import static com.financereport.observability.internal.wire.WireFixtures.UNSAMPLED;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.internal.record.ExportRecord;
import com.financereport.observability.internal.record.RecordEmitter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
// The SDK's own marshaller, as the reference our encoder must match: test scope only.
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.logs.TestLogRecordData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Our protobuf request against the SDK's marshaller for the same records, both decoded with the
 * official opentelemetry-proto classes: every field of every record, resource and scope must be
 * equal. Records are compared per resource and scope, since the SDK groups them in hash order.
 */
class LogsRequestEncoderTest {
  private static final SpanContext SAMPLED =
      SpanContext.create(
          "4bf92f3577b34da6a3ce929d0e0e4736",
          "00f067aa0ba902b7",
          TraceFlags.getSampled(),
          TraceState.getDefault());

  @Test
  void everyFieldOfEveryKindOfRecordMatchesTheSdksOwnRequest() throws IOException {
    List<LogRecordData> records =
        List.of(
            full(),
            TestLogRecordData.builder()
                .setResource(SERVICE)
                .setInstrumentationScopeInfo(PLAIN_SCOPE)
                .setTimestamp(1, TimeUnit.NANOSECONDS)
                .setSeverity(Severity.UNDEFINED_SEVERITY_NUMBER)
                .setBody("")
                .build(),
            withBody(Value.of(42L)),
            withBody(Value.of(-7.25)),
            withBody(Value.of(false)),
            withBody(Value.of(new byte[] {0, 1, (byte) 0xFF})),
            withBody(Value.of(Value.of("a"), Value.of(1L), Value.of(Value.of(true)))),
            withBody(
                Value.of(
                    KeyValue.of("user", Value.of("u-1")),
                    KeyValue.of("nested", Value.of(KeyValue.of("deep", Value.of(2.5)))))),
            withBody(Value.empty()),
            withBody(Value.of("naïve café — 日本語 𝄞 and a lone \uD800 surrogate")),
            TestLogRecordData.builder()
                .setResource(OTHER_SERVICE)
                .setInstrumentationScopeInfo(HTTP_SCOPE)
                .setSpanContext(UNSAMPLED)
                .setBody("unsampled, other service")
                .build(),
            ourRecord());

    assertSameRequest(records);
  }

  @Test
  void aLargeBatchOfOurRecordsMatchesTheSdksOwnRequest() throws IOException {
    List<LogRecordData> records = new ArrayList<>();
    for (int i = 0; i < 2048; i++) {
      records.add(i % 3 == 0 ? full() : ourRecord());
    }
    assertSameRequest(records);
  }

  @Test
  void equalScopesHeldInDifferentObjectsShareOneScopeLogsInBatchOrder() throws IOException {
    LogRecordData first = withScope(InstrumentationScopeInfo.create("com.financereport.jobs"), "1");
    LogRecordData other = withScope(HTTP_SCOPE, "2");
    LogRecordData third = withScope(InstrumentationScopeInfo.create("com.financereport.jobs"), "3");

    ExportLogsServiceRequest ours =
        ExportLogsServiceRequest.parseFrom(
            new LogsRequestEncoder().encode(List.of(first, other, third)).toByteArray());

    List<ScopeLogs> scopes = ours.getResourceLogs(0).getScopeLogsList();
    assertThat(ours.getResourceLogsCount()).isEqualTo(1);
    assertThat(scopes).hasSize(2);
    assertThat(scopes.get(0).getScope().getName()).isEqualTo("com.financereport.jobs");
    assertThat(scopes.get(0).getLogRecordsList())
        .extracting(record -> record.getBody().getStringValue())
        .containsExactly("1", "3");
    assertThat(scopes.get(1).getLogRecordsList())
        .extracting(record -> record.getBody().getStringValue())
        .containsExactly("2");
  }

  @Test
  void anEmptyBatchIsAnEmptyRequest() throws IOException {
    assertSameRequest(List.of());
    assertThat(new LogsRequestEncoder().encode(List.of()).size()).isZero();
  }

  @Test
  void theBufferGrowsPastItsFirstSizeWithoutLosingWhatWasWritten() throws IOException {
    String big = "x".repeat(200_000) + "é";
    LogsRequestEncoder small = new LogsRequestEncoder(new ProtoWriter(64));
    List<LogRecordData> records = List.of(withBody(Value.of(big)), withBody(Value.of(big)));

    ExportLogsServiceRequest ours =
        ExportLogsServiceRequest.parseFrom(small.encode(records).toByteArray());

    assertThat(ours).isEqualTo(ExportLogsServiceRequest.parseFrom(sdkBytes(records)));
    assertThat(ours.getResourceLogs(0).getScopeLogs(0).getLogRecords(1).getBody().getStringValue())
        .isEqualTo(big);
  }

  @Test
  void anEncoderReusedForANewBatchWritesOnlyThatBatch() throws IOException {
    LogsRequestEncoder encoder = new LogsRequestEncoder();
    encoder.encode(List.of(full(), full()));
    List<LogRecordData> next = List.of(ourRecord());

    byte[] second = encoder.encode(next).toByteArray();

    assertThat(ExportLogsServiceRequest.parseFrom(second))
        .isEqualTo(ExportLogsServiceRequest.parseFrom(sdkBytes(next)));
  }

  private static void assertSameRequest(List<LogRecordData> records) throws IOException {
    ExportLogsServiceRequest sdk = ExportLogsServiceRequest.parseFrom(sdkBytes(records));
    ExportLogsServiceRequest ours =
        ExportLogsServiceRequest.parseFrom(new LogsRequestEncoder().encode(records).toByteArray());

    assertThat(ours.getUnknownFields().asMap()).isEmpty();
    assertThat(normalized(ours)).isEqualTo(normalized(sdk));
    assertThat(count(ours)).isEqualTo(records.size());
  }

  private static byte[] sdkBytes(List<LogRecordData> records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LogsRequestMarshaler.create(records).writeBinaryTo(out);
    return out.toByteArray();
  }

  private static Map<String, Map<String, List<LogRecord>>> normalized(ExportLogsServiceRequest request) {
    return WireFixtures.normalized(
        request.getResourceLogsList(),
        resource -> resource.getResource() + "|" + resource.getSchemaUrl(),
        ResourceLogs::getScopeLogsList,
        scope -> scope.getScope() + "|" + scope.getSchemaUrl(),
        ScopeLogs::getLogRecordsList);
  }


  private static int count(ExportLogsServiceRequest request) {
    return request.getResourceLogsList().stream()
        .flatMap(r -> r.getScopeLogsList().stream())
        .mapToInt(ScopeLogs::getLogRecordsCount)
        .sum();
  }

  private static LogRecordData full() {
    return TestLogRecordData.builder()
        .setResource(SERVICE)
        .setInstrumentationScopeInfo(HTTP_SCOPE)
        .setTimestamp(1_764_000_000_123_456_789L, TimeUnit.NANOSECONDS)
        .setObservedTimestamp(1_764_000_000_223_456_789L, TimeUnit.NANOSECONDS)
        .setSpanContext(SAMPLED)
        .setSeverity(Severity.WARN2)
        .setSeverityText("WARN")
        .setBody("HTTP Request")
        .setEventName("http.request")
        .setAttributes(
            Attributes.builder()
                .put("http.request.method", "GET")
                .put("empty", "")
                .put("http.response.status_code", 200L)
                .put("negative", -1L)
                .put("duration_ms", 12.5)
                .put("zero.double", 0.0)
                .put("cached", false)
                .put(AttributeKey.stringArrayKey("tags"), List.of("a", "", "ü"))
                .put(AttributeKey.longArrayKey("ids"), List.of(1L, 0L, Long.MIN_VALUE))
                .put(AttributeKey.doubleArrayKey("ratios"), List.of(0.5, -0.0))
                .put(AttributeKey.booleanArrayKey("flags"), List.of(true, false))
                .put(AttributeKey.stringArrayKey("none"), List.of())
                .build())
        .setTotalAttributeCount(15)
        .build();
  }

  private static LogRecordData withScope(InstrumentationScopeInfo scope, String body) {
    return TestLogRecordData.builder()
        .setResource(SERVICE)
        .setInstrumentationScopeInfo(scope)
        .setBody(body)
        .build();
  }

  /** TestLogRecordData takes only string bodies; our record takes any value. */
  private static LogRecordData withBody(Value<?> body) {
    return new ExportRecord(
        SERVICE,
        PLAIN_SCOPE,
        1_764_000_000_000_000_000L,
        0,
        SpanContext.getInvalid(),
        Severity.INFO,
        null,
        body,
        Attributes.empty(),
        0,
        null);
  }

  /** Records as our appender's emitter builds them: one emitter, one scope object per logger. */
  private static final List<ExportRecord> EMITTED = new ArrayList<>();

  private static final RecordEmitter EMITTER =
      new RecordEmitter(
          SERVICE,
          new LogRecordProcessor() {
            @Override
            public void onEmit(Context context, ReadWriteLogRecord record) {
              EMITTED.add((ExportRecord) record);
            }

            @Override
            public CompletableResultCode shutdown() {
              return CompletableResultCode.ofSuccess();
            }
          },
          Clock.getDefault());

  private static LogRecordData ourRecord() {
    EMITTER
        .builder("com.financereport.backend.RequestLog")
        .setContext(Context.root().with(Span.wrap(SAMPLED)))
        .setTimestamp(1_764_000_000_987_654_321L, TimeUnit.NANOSECONDS)
        .setSeverity(Severity.INFO)
        .setSeverityText("INFO")
        .setBody("HTTP Request")
        .setAttribute("request_id", "r-8f2c")
        .setAttribute("status", 200L)
        .setAttribute("duration_ms", 3.25)
        .setAttribute("ok", true)
        .emit();
    return EMITTED.remove(0);
  }
}
