package com.financereport.observability.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.observability.internal.record.ExportRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** A line written through the library's JsonWriter reads back as the record it was written from. */
class SpoolLineRoundTripTest {
  private static final List<Double> AWKWARD_DOUBLES =
      List.of(
          Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 0.1, 12.5,
          -2.0, 1e15, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, 123456.789012345);

  private static final Attributes EVERY_TYPE =
      Attributes.builder()
          .put("text", "ledger \"closed\"\n\ttab \\ \u2028 \uD800 lone \u00e9\uD83D\uDE00")
          .put("empty", "")
          .put("count", 42L)
          .put("min", Long.MIN_VALUE)
          .put("max", Long.MAX_VALUE)
          .put("ratio", 0.25)
          .put("nan", Double.NaN)
          .put("plus.infinity", Double.POSITIVE_INFINITY)
          .put("minus.infinity", Double.NEGATIVE_INFINITY)
          .put("minus.zero", -0.0)
          .put("whole", 3.0)
          .put("flag", true)
          .put(AttributeKey.stringArrayKey("tags"), List.of("a", "", "\"q\""))
          .put(AttributeKey.longArrayKey("ids"), List.of(1L, Long.MIN_VALUE, Long.MAX_VALUE))
          .put(AttributeKey.doubleArrayKey("weights"), AWKWARD_DOUBLES)
          .put(AttributeKey.booleanArrayKey("bits"), List.of(true, false))
          .put(AttributeKey.stringArrayKey("no.tags"), List.of())
          .put(
              AttributeKey.valueKey("nested"),
              Value.of(
                  KeyValue.of("list", Value.of(Value.of("a"), Value.of(3L), Value.of(-0.0),
                      Value.of(KeyValue.of("deep", Value.of(Value.of(false)))))),
                  KeyValue.of("bytes", Value.of(new byte[] {0, 1, (byte) 0x7f, (byte) 0xff})),
                  KeyValue.of("nothing", Value.empty()),
                  KeyValue.of("nan", Value.of(Double.NaN))))
          .build();

  private static final SpanContext SPAN = SpoolTestRecords.SAMPLED_SPAN;

  private static final Resource RESOURCE =
      Resource.create(
          Attributes.builder()
              .put("service.name", "finance-report-backend")
              .put("deployment.environment", "staging")
              .put("host.cpus", 4L)
              .put("load", 0.5)
              .put("container", false)
              .put(AttributeKey.stringArrayKey("process.command_args"), List.of("java", "-jar"))
              .build(),
          "https://opentelemetry.io/schemas/1.26.0");

  private static final InstrumentationScopeInfo SCOPE =
      InstrumentationScopeInfo.builder("com.example.Ledger")
          .setVersion("2.1")
          .setSchemaUrl("https://example.com/schema")
          .setAttributes(Attributes.builder().put("scope.kind", "app").put("scope.n", 2L).build())
          .build();

  private static final LogRecordData RECORD =
      new ExportRecord(
          RESOURCE,
          SCOPE,
          1_764_000_000_123_456_789L,
          1_764_000_000_223_456_789L,
          SPAN,
          Severity.FATAL4,
          "FATAL",
          Value.of(
              KeyValue.of("amount", Value.of(12.5)),
              KeyValue.of("items", Value.of(Value.of("a"), Value.of(Long.MAX_VALUE))),
              KeyValue.of("raw", Value.of(new byte[] {(byte) 0xff}))),
          EVERY_TYPE,
          EVERY_TYPE.size() + 3,
          "ledger.closed");

  private final SpoolRecordCodec codec = new SpoolRecordCodec();

  private LogRecordData roundTrip(LogRecordData record) {
    byte[] line = codec.encodeLine(record);
    return codec.decodeLine(line, 0, line.length - 1);
  }

  @Test
  void everyAttributeTypeIdsTimestampsResourceAndScopeSurviveTheLine() {
    LogRecordData decoded = roundTrip(RECORD);

    assertThat(describe(decoded)).isEqualTo(describe(RECORD));
  }

  @Test
  void doublesKeepTheirExactBitsIncludingNegativeZeroAndNaN() {
    List<Double> decoded =
        roundTrip(RECORD).getAttributes().get(AttributeKey.doubleArrayKey("weights"));

    assertThat(decoded.stream().map(Double::doubleToRawLongBits).toList())
        .isEqualTo(AWKWARD_DOUBLES.stream().map(Double::doubleToRawLongBits).toList());
  }

  @Test
  void aLineIsPlainJsonThatAStandardParserReads() throws Exception {
    String line = new String(codec.encodeLine(RECORD), StandardCharsets.UTF_8);

    JsonNode parsed = new ObjectMapper().readTree(line);

    assertThat(List.of(
            parsed.at("/record/attributes/count/l").asLong(),
            parsed.at("/record/attributes/nan/d").asText(),
            parsed.at("/record/traceId").asText(),
            parsed.at("/record/resource/attributes/service.name/s").asText(),
            parsed.at("/record/scope/name").asText()))
        .isEqualTo(List.of(
            42L, "NaN", SPAN.getTraceId(), "finance-report-backend", "com.example.Ledger"));
  }

  @Test
  void theChecksumIsTheCrc32cOfTheRecordBytesAsWritten() {
    byte[] line = codec.encodeLine(RECORD);
    String text = new String(line, StandardCharsets.US_ASCII);
    int recordStart = text.indexOf("\"record\":") + "\"record\":".length();
    CRC32C crc = new CRC32C();
    crc.update(Arrays.copyOfRange(line, recordStart, line.length - 2)); // without "}\n"

    assertThat(text.substring(11, 19)).isEqualTo(String.format("%08x", crc.getValue()));
  }

  /** Every field a replayed record is sent with, types included, in one comparable list. */
  private static List<Object> describe(LogRecordData record) {
    return List.of(
        record.getAttributes().asMap(),
        record.getTotalAttributeCount(),
        record.getBodyValue(),
        record.getTimestampEpochNanos(),
        record.getObservedTimestampEpochNanos(),
        record.getSpanContext().getTraceId(),
        record.getSpanContext().getSpanId(),
        record.getSpanContext().getTraceFlags().asHex(),
        record.getSeverity(),
        record.getSeverityText(),
        record.getEventName(),
        record.getResource(),
        record.getInstrumentationScopeInfo());
  }
}
