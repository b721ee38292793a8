package com.financereport.observability.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.time.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordEmitterTest {
  private static final Resource RESOURCE =
      Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "billing"));
  private static final SpanContext SPAN =
      SpanContext.create(
          "0af7651916cd43dd8448eb211c80319c",
          "b7ad6b7169203331",
          TraceFlags.getSampled(),
          TraceState.getDefault());

  private final List<ReadWriteLogRecord> emitted = new ArrayList<>();
  private final List<Context> contexts = new ArrayList<>();
  private final TestClock clock = TestClock.create(Instant.parse("2026-11-26T08:00:00Z"));
  private final RecordEmitter emitter =
      new RecordEmitter(
          RESOURCE,
          new LogRecordProcessor() {
            @Override
            public void onEmit(Context context, ReadWriteLogRecord record) {
              contexts.add(context);
              emitted.add(record);
            }

            @Override
            public CompletableResultCode shutdown() {
              return CompletableResultCode.ofSuccess();
            }
          },
          clock);

  private LogRecordData only() {
    assertThat(emitted).hasSize(1);
    return emitted.get(0).toLogRecordData();
  }

  @Test
  void theEmittedRecordCarriesEverythingTheBuilderWasGiven() {
    Instant time = Instant.parse("2026-11-26T07:59:59.123456789Z");
    emitter
        .builder("com.example.Billing")
        .setTimestamp(time)
        .setObservedTimestamp(5, TimeUnit.SECONDS)
        .setContext(Context.root().with(Span.wrap(SPAN)))
        .setSeverity(Severity.WARN)
        .setSeverityText("WARN")
        .setBody("invoice 42 paid")
        .setAttribute("invoice", 42L)
        .setAttribute("ratio", 0.5)
        .setAttribute("paid", true)
        .setAttribute("currency", "EUR")
        .setAttribute("lines", 3)
        .emit();

    LogRecordData record = only();
    assertThat(record.getResource()).isSameAs(RESOURCE);
    assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("com.example.Billing");
    assertThat(record.getTimestampEpochNanos()).isEqualTo(1_795_679_999_123_456_789L);
    assertThat(record.getObservedTimestampEpochNanos()).isEqualTo(5_000_000_000L);
    assertThat(record.getSpanContext()).isEqualTo(SPAN);
    assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
    assertThat(record.getSeverityText()).isEqualTo("WARN");
    assertThat(record.getBodyValue()).isEqualTo(Value.of("invoice 42 paid"));
    assertThat(record.getAttributes().asMap())
        .containsExactly(
            entry(AttributeKey.longKey("invoice"), 42L),
            entry(AttributeKey.doubleKey("ratio"), 0.5),
            entry(AttributeKey.booleanKey("paid"), true),
            entry(AttributeKey.stringKey("currency"), "EUR"),
            entry(AttributeKey.longKey("lines"), 3L));
    assertThat(record.getTotalAttributeCount()).isEqualTo(5);
    assertThat(record.getEventName()).isNull();
  }

  private static <T> java.util.Map.Entry<AttributeKey<?>, Object> entry(AttributeKey<T> key, T value) {
    return java.util.Map.entry(key, value);
  }

  @Test
  void withoutAnObservedTimestampTheClockGivesOneAndWithoutAContextTheCurrentOneIsUsed() {
    try (Scope scope = Span.wrap(SPAN).makeCurrent()) {
      emitter.builder("app").setBody("now").emit();
    }

    LogRecordData record = only();
    assertThat(record.getObservedTimestampEpochNanos()).isEqualTo(clock.now());
    assertThat(record.getSpanContext()).isEqualTo(SPAN);
    assertThat(Span.fromContext(contexts.get(0)).getSpanContext()).isEqualTo(SPAN);
  }

  @Test
  void aRecordWithoutAttributesOrBodyIsValid() {
    emitter.builder("app").emit();

    LogRecordData record = only();
    assertThat(record.getAttributes().isEmpty()).isTrue();
    assertThat(record.getTotalAttributeCount()).isZero();
    assertThat(record.getBodyValue()).isNull();
    assertThat(record.getSeverity()).isEqualTo(Severity.UNDEFINED_SEVERITY_NUMBER);
    assertThat(record.getSpanContext().isValid()).isFalse();
  }

  @Test
  void nullAndEmptyKeysAndNullValuesAreIgnoredAsTheSdkDoes() {
    emitter
        .builder("app")
        .setAttribute((String) null, "x")
        .setAttribute("", "x")
        .setAttribute("gone", (String) null)
        .setAttribute((AttributeKey<String>) null, "x")
        .setAttribute("kept", "yes")
        .emit();

    LogRecordData record = only();
    assertThat(record.getAttributes().size()).isEqualTo(1);
    assertThat(record.getAttributes().get(AttributeKey.stringKey("kept"))).isEqualTo("yes");
    assertThat(record.getTotalAttributeCount()).isEqualTo(1);
  }

  @Test
  void theRecordIsItsOwnDataAndRefusesChangesOnceEmitted() {
    emitter.builder("app").setAttribute("a", "1").emit();
    ReadWriteLogRecord record = emitted.get(0);

    assertThat(record.toLogRecordData()).isSameAs(record);
    assertThat(record.getAttribute(AttributeKey.stringKey("a"))).isEqualTo("1");
    assertThatThrownBy(() -> record.setAttribute(AttributeKey.stringKey("b"), "2"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("immutable");
    assertThat(record.toLogRecordData().getAttributes().size()).isEqualTo(1);
  }

  @Test
  void keysAndScopesAreMadeOncePerNameSoTheExporterEncodesThemOnce() {
    emitter.builder("app").setAttribute("request_id", "r-1").emit();
    emitter.builder("app").setAttribute("request_id", "r-2").emit();

    LogRecordData first = emitted.get(0).toLogRecordData();
    LogRecordData second = emitted.get(1).toLogRecordData();
    assertThat(keyOf(second)).isSameAs(keyOf(first));
    assertThat(second.getInstrumentationScopeInfo()).isSameAs(first.getInstrumentationScopeInfo());
  }

  private static AttributeKey<?> keyOf(LogRecordData record) {
    List<AttributeKey<?>> keys = new ArrayList<>();
    record.getAttributes().forEach((key, value) -> keys.add(key));
    return keys.get(0);
  }

  @Test
  void namesBeyondTheKeyCacheStillGetCorrectKeys() {
    AttributeKeys keys = new AttributeKeys();
    for (int i = 0; i < AttributeKeys.MAX_CACHED; i++) {
      keys.string("cached-" + i);
    }

    AttributeKey<String> overflow = keys.string("one-too-many");

    assertThat(overflow.getKey()).isEqualTo("one-too-many");
    assertThat(keys.string("one-too-many")).isNotSameAs(overflow).isEqualTo(overflow);
    assertThat(keys.string("cached-0")).isSameAs(keys.string("cached-0"));
    assertThat(keys.longKey("cached-0")).isEqualTo(AttributeKey.longKey("cached-0"));
  }
}
