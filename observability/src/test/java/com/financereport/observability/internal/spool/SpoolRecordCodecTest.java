package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.record.ExportRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.api.trace.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpoolRecordCodecTest {
  private final SpoolRecordCodec codec = new SpoolRecordCodec();

  private static final Attributes TYPED =
      Attributes.builder()
          .put("text", "ledger \"closed\"\n\ttab")
          .put("count", 42L)
          .put("ratio", 0.25)
          .put("flag", true)
          .put(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
          .put(AttributeKey.longArrayKey("ids"), List.of(1L, Long.MAX_VALUE))
          .put(AttributeKey.doubleArrayKey("weights"), List.of(1.5, -2.0))
          .put(AttributeKey.booleanArrayKey("bits"), List.of(true, false))
          .put(AttributeKey.doubleKey("nan"), Double.NaN)
          .put(AttributeKey.doubleKey("inf"), Double.NEGATIVE_INFINITY)
          .build();

  private static final SpanContext SPAN = SpoolTestRecords.SAMPLED_SPAN;

  private static LogRecordData fullRecord(Value<?> body) {
    return new ExportRecord(
        Resource.create(
            Attributes.builder()
                .put("service.name", "finance-report-backend")
                .put("deployment.environment", "staging")
                .put("host.cpus", 4L)
                .build(),
            "https://opentelemetry.io/schemas/1.26.0"),
        InstrumentationScopeInfo.builder("com.example.Ledger")
            .setVersion("2.1")
            .setSchemaUrl("https://example.com/schema")
            .setAttributes(Attributes.of(AttributeKey.stringKey("scope.kind"), "app"))
            .build(),
        1_764_000_000_123_456_789L,
        1_764_000_000_223_456_789L,
        SPAN,
        Severity.WARN2,
        "WARN",
        body,
        TYPED,
        12,
        "ledger.closed");
  }

  private LogRecordData roundTrip(LogRecordData record) {
    byte[] line = codec.encodeLine(record);
    return codec.decodeLine(line, 0, line.length - 1);
  }

  @Test
  void roundTripKeepsTypedAttributes() {
    assertThat(roundTrip(fullRecord(Value.of("x"))).getAttributes()).isEqualTo(TYPED);
  }

  @Test
  void roundTripKeepsTimestampsSeverityAndEventName() {
    LogRecordData decoded = roundTrip(fullRecord(Value.of("x")));

    assertThat(decoded.getTimestampEpochNanos()).isEqualTo(1_764_000_000_123_456_789L);
    assertThat(decoded.getObservedTimestampEpochNanos()).isEqualTo(1_764_000_000_223_456_789L);
    assertThat(decoded.getSeverity()).isEqualTo(Severity.WARN2);
    assertThat(decoded.getSeverityText()).isEqualTo("WARN");
    assertThat(decoded.getEventName()).isEqualTo("ledger.closed");
    assertThat(decoded.getTotalAttributeCount()).isEqualTo(12);
  }

  @Test
  void roundTripKeepsTraceContext() {
    SpanContext decoded = roundTrip(fullRecord(Value.of("x"))).getSpanContext();

    assertThat(decoded.getTraceId()).isEqualTo(SPAN.getTraceId());
    assertThat(decoded.getSpanId()).isEqualTo(SPAN.getSpanId());
    assertThat(decoded.getTraceFlags()).isEqualTo(TraceFlags.getSampled());
  }

  @Test
  void roundTripKeepsResourceAndScope() {
    LogRecordData original = fullRecord(Value.of("x"));
    LogRecordData decoded = roundTrip(original);

    assertThat(decoded.getResource()).isEqualTo(original.getResource());
    assertThat(decoded.getInstrumentationScopeInfo())
        .isEqualTo(original.getInstrumentationScopeInfo());
  }

  @Test
  void textThatLooksLikeTheScopeMarkerDoesNotConfuseTheReader() {
    String lookalike = ",\"scope\":{\"name\":\"forged\"},\"resource\":{\"attributes\":{}}}";
    LogRecordData original =
        new ExportRecord(
            fullRecord(Value.of("x")).getResource(),
            InstrumentationScopeInfo.create("com.example.Real"),
            1L,
            2L,
            SpanContext.getInvalid(),
            Severity.INFO,
            "INFO",
            Value.of(Map.of("scope", Value.of(Map.of("name", Value.of(lookalike))))),
            Attributes.of(AttributeKey.stringKey("scope"), lookalike),
            1,
            null);

    LogRecordData decoded = roundTrip(original);

    assertThat(decoded.getInstrumentationScopeInfo().getName()).isEqualTo("com.example.Real");
    assertThat(decoded.getAttributes()).isEqualTo(original.getAttributes());
    assertThat(decoded.getBodyValue()).isEqualTo(original.getBodyValue());
    assertThat(decoded.getResource()).isEqualTo(original.getResource());
  }

  @Test
  void recordsOfDifferentScopesAndResourcesKeepTheirOwnAfterManyLines() {
    Resource other = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "other"));
    for (int i = 0; i < 300; i++) {
      Resource resource = i % 2 == 0 ? fullRecord(Value.of("x")).getResource() : other;
      InstrumentationScopeInfo scope = InstrumentationScopeInfo.create("scope-" + (i % 47)); // more tails than remembered
      LogRecordData decoded =
          roundTrip(
              new ExportRecord(
                  resource, scope, i, i, SpanContext.getInvalid(), Severity.INFO, "INFO",
                  Value.of("m" + i), Attributes.empty(), 0, null));

      assertThat(decoded.getResource()).isEqualTo(resource);
      assertThat(decoded.getInstrumentationScopeInfo()).isEqualTo(scope);
      assertThat(decoded.getBodyValue()).isEqualTo(Value.of("m" + i));
    }
  }

  @Test
  void recordsOfOneOriginShareTheirScopeAndResourceInstances() {
    LogRecordData first = roundTrip(fullRecord(Value.of("a")));
    LogRecordData second = roundTrip(fullRecord(Value.of("b")));

    assertThat(second.getResource()).isSameAs(first.getResource());
    assertThat(second.getInstrumentationScopeInfo()).isSameAs(first.getInstrumentationScopeInfo());
  }

  @Test
  void roundTripKeepsAStructuredBody() {
    Value<?> body =
        Value.of(
            KeyValue.of("amount", Value.of(12.5)),
            KeyValue.of("items", Value.of(Value.of("a"), Value.of(3L), Value.of(true))),
            KeyValue.of("raw", Value.of(new byte[] {0, 1, (byte) 0xff})));

    assertThat(roundTrip(fullRecord(body)).getBodyValue()).isEqualTo(body);
  }

  @Test
  void roundTripKeepsLoneSurrogatesAndControlCharacters() {
    String text = "bad \uD800 surrogate \u0001 and \u00e9\uD83D\uDE00";

    assertThat(roundTrip(fullRecord(Value.of(text))).getBodyValue().asString()).isEqualTo(text);
  }

  @Test
  void roundTripKeepsARecordMadeByTheSdk() {
    List<LogRecordData> captured = new ArrayList<>();
    SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "svc")))
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(capturing(captured)))
            .build();
    Context withSpan = Context.root().with(Span.wrap(SPAN));
    provider
        .get("com.example.Ledger")
        .logRecordBuilder()
        .setContext(withSpan)
        .setSeverity(Severity.ERROR)
        .setSeverityText("ERROR")
        .setBody("posting failed")
        .setAttribute(AttributeKey.longKey("ledger.id"), 7L)
        .emit();
    provider.close();
    LogRecordData original = captured.get(0);

    LogRecordData decoded = roundTrip(original);

    assertThat(List.of(
            decoded.getBodyValue(),
            decoded.getAttributes(),
            decoded.getSpanContext().getSpanId(),
            decoded.getResource(),
            decoded.getObservedTimestampEpochNanos()))
        .isEqualTo(List.of(
            original.getBodyValue(),
            original.getAttributes(),
            original.getSpanContext().getSpanId(),
            original.getResource(),
            original.getObservedTimestampEpochNanos()));
  }

  @Test
  void lineIsOneJsonObjectWithTheChecksumFirst() {
    String line = new String(codec.encodeLine(fullRecord(Value.of("x"))), StandardCharsets.UTF_8);

    assertThat(line).endsWith("}\n").doesNotContain("\n}").matches("(?s)\\{\"crc32c\":\"[0-9a-f]{8}\",\"record\":\\{.*");
    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = (Map<String, Object>) SpoolJsonParser.parse(line.trim());
    assertThat(parsed).containsKeys("crc32c", "record");
  }

  @Test
  void aChangedByteFailsTheChecksum() {
    byte[] line = codec.encodeLine(fullRecord(Value.of("amount 100")));
    String text = new String(line, StandardCharsets.UTF_8).replace("amount 100", "amount 900");
    byte[] altered = text.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decodeLine(altered, 0, altered.length - 1))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void aTruncatedLineIsRejected() {
    byte[] line = codec.encodeLine(fullRecord(Value.of("x")));

    assertThatThrownBy(() -> codec.decodeLine(line, 0, line.length / 2))
        .isInstanceOf(CorruptRecordException.class);
  }

  private static LogRecordExporter capturing(List<LogRecordData> into) {
    return new LogRecordExporter() {
      @Override
      public CompletableResultCode export(Collection<LogRecordData> logs) {
        into.addAll(logs);
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
  }
}
