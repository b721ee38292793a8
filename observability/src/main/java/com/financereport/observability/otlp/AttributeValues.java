package com.financereport.observability.otlp;

import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.redaction.StructuredValueWalker;
import com.financereport.observability.redaction.Utf8Cut;
import com.financereport.observability.redaction.ValueSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import io.opentelemetry.api.logs.LogRecordBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spells SLF4J key-values and MDC entries as typed OTLP attributes: numbers stay numbers, booleans
 * booleans, a list of one scalar type a typed array, anything else nested {@link Value}s. What is
 * written, redacted and cut is the {@link StructuredValueWalker}'s decision, the same walk as the
 * stdout line's; this sink redacts nothing itself. One instance per thread.
 */
final class AttributeValues implements ValueSink {
  private final StructuredValueWalker walker;
  private final int maxValueBytes;
  /** The open containers, innermost last, each with the key it goes under in its parent. */
  private final List<Object> open = new ArrayList<>();
  private final List<String> keysInParent = new ArrayList<>();
  private String key;
  private Value<?> result;

  AttributeValues(Redactor redactor, int maxValueBytes) {
    this.walker = new StructuredValueWalker(redactor, redactor.threadMemo(), maxValueBytes);
    this.maxValueBytes = maxValueBytes;
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
    open.clear();
    keysInParent.clear();
    result = null;
    walker.walk(key, value, this);
    setTyped(record, key, result);
    result = null;
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
  public void nullValue() {
    add(Value.empty());
  }

  @Override
  public void bool(boolean value) {
    add(Value.of(value));
  }

  @Override
  public void number(Number value) {
    if (value instanceof Double || value instanceof Float) {
      add(Value.of(value.doubleValue()));
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      // OTLP has no decimal type: as text, digits intact, rather than a rounded double.
      add(Value.of(value.toString()));
    } else {
      add(Value.of(value.longValue()));
    }
  }

  @Override
  public void text(String value, int maxBytes) {
    add(Value.of(Utf8Cut.cut(value, maxBytes)));
  }

  @Override
  public void beginMap() {
    push(new LinkedHashMap<String, Value<?>>());
  }

  @Override
  public void key(String key, int maxBytes) {
    this.key = Utf8Cut.cut(key, maxBytes);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void endMap() {
    add(Value.of((Map<String, Value<?>>) pop()));
  }

  @Override
  public void beginList() {
    push(new ArrayList<Value<?>>());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void endList() {
    add(Value.of((List<Value<?>>) pop()));
  }

  @Override
  public void discardOpen() {
    pop();
  }

  private void push(Object container) {
    open.add(container);
    keysInParent.add(key);
  }

  /** Removes the innermost container; the key it stood under is the next value's again. */
  private Object pop() {
    int last = open.size() - 1;
    key = keysInParent.remove(last);
    return open.remove(last);
  }

  @SuppressWarnings("unchecked")
  private void add(Value<?> value) {
    if (open.isEmpty()) {
      result = value;
      return;
    }
    Object parent = open.get(open.size() - 1);
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, Value<?>>) map).put(key, value);
    } else {
      ((List<Value<?>>) parent).add(value);
    }
  }
}
