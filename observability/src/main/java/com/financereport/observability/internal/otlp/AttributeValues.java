package com.financereport.observability.internal.otlp;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.financereport.observability.internal.json.EventView;
import com.financereport.observability.internal.redaction.RedactionMemo;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.internal.redaction.StructuredValueWalker;
import com.financereport.observability.internal.redaction.Utf8Cut;
import com.financereport.observability.internal.redaction.ValueTreeBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import io.opentelemetry.api.logs.LogRecordBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spells SLF4J key-values and MDC entries as typed OTLP attributes: numbers stay numbers, booleans
 * booleans, a list of one scalar type a typed array, anything else nested {@link Value}s. What is
 * written, redacted and cut is the {@link StructuredValueWalker}'s decision, the same walk as the
 * stdout line's; this builder redacts nothing itself. One instance per thread.
 */
final class AttributeValues extends ValueTreeBuilder<Value<?>> {
  private final RedactionMemo texts;
  private final StructuredValueWalker walker;
  private final int maxValueBytes;

  /** On the thread that uses it: it shares that thread's memo and event view with the stdout line. */
  AttributeValues(Redactor redactor, int maxValueBytes) {
    this.texts = redactor.threadMemo();
    this.walker = new StructuredValueWalker(redactor, texts, maxValueBytes);
    this.maxValueBytes = maxValueBytes;
  }

  /** The event as every output of this thread shows it. */
  EventView view(ILoggingEvent event) {
    return EventView.of(event, texts);
  }

  /** Text already redacted (the event view's), cut at the value limit as on the stdout line. */
  String cut(String redacted) {
    return Utf8Cut.cut(redacted, maxValueBytes);
  }

  /**
   * Sets the attribute straight on the record being built: building an Attributes first would be
   * copied once more by the SDK. A null key or value sets nothing.
   */
  void put(LogRecordBuilder record, String key, Object value) {
    if (key == null || value == null) {
      return;
    }
    reset();
    walker.walk(key, value, this);
    setTyped(record, key, result());
    reset();
  }

  /** Scalars as their own attribute type, a list of one scalar type as a typed array. */
  private static void setTyped(LogRecordBuilder record, String key, Value<?> value) {
    switch (value.getType()) {
      case STRING -> record.setAttribute(key, (String) value.getValue());
      case LONG -> record.setAttribute(key, (long) (Long) value.getValue());
      case DOUBLE -> record.setAttribute(key, (double) (Double) value.getValue());
      case BOOLEAN -> record.setAttribute(key, (boolean) (Boolean) value.getValue());
      case ARRAY -> setArray(record, key, value);
      default -> record.setAttribute(key, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static void setArray(LogRecordBuilder record, String key, Value<?> value) {
    List<Value<?>> items = (List<Value<?>>) value.getValue();
    if (items.isEmpty()) {
      record.setAttribute(AttributeKey.stringArrayKey(key), List.of());
      return;
    }
    ValueType type = items.get(0).getType();
    for (Value<?> item : items) {
      if (item.getType() != type) {
        record.setAttribute(key, value);
        return;
      }
    }
    List<Object> plain = new ArrayList<>(items.size());
    for (Value<?> item : items) {
      plain.add(item.getValue());
    }
    switch (type) {
      case STRING -> record.setAttribute(AttributeKey.stringArrayKey(key), (List<String>) (List<?>) plain);
      case LONG -> record.setAttribute(AttributeKey.longArrayKey(key), (List<Long>) (List<?>) plain);
      case DOUBLE -> record.setAttribute(AttributeKey.doubleArrayKey(key), (List<Double>) (List<?>) plain);
      case BOOLEAN ->
          record.setAttribute(AttributeKey.booleanArrayKey(key), (List<Boolean>) (List<?>) plain);
      default -> record.setAttribute(key, value);
    }
  }

  @Override
  protected Value<?> ofNull() {
    return Value.empty();
  }

  @Override
  protected Value<?> ofBool(boolean value) {
    return Value.of(value);
  }

  @Override
  protected Value<?> ofNumber(Number value) {
    if (value instanceof Double || value instanceof Float) {
      return Value.of(value.doubleValue());
    }
    if (value instanceof BigDecimal || value instanceof BigInteger) {
      // OTLP has no decimal type: as text, digits intact, rather than a rounded double.
      return Value.of(value.toString());
    }
    return Value.of(value.longValue());
  }

  @Override
  protected Value<?> ofText(String value) {
    return Value.of(value);
  }

  @Override
  protected Value<?> ofList(List<Value<?>> items) {
    return Value.of(items);
  }

  @Override
  protected Value<?> ofMap(Map<String, Value<?>> members) {
    return Value.of(members);
  }
}
