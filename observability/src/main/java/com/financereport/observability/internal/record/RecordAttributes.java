package com.financereport.observability.internal.record;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The attributes of one {@link ExportRecord}, in the order they were first set. A later value for
 * a name already present replaces the earlier one in place (whatever its type), as the appender's
 * fixed attributes must win over user entries of the same name. At most {@link #MAX_ATTRIBUTES}
 * names are kept, the SDK's own default limit; every attribute set is counted, kept or not, so the
 * record reports what was dropped as the SDK's does.
 *
 * <p>Filled by one thread through {@link ExportRecordBuilder} and never changed once the record is
 * emitted; no lock is needed because the record is published through the batch processor's queue.
 */
public final class RecordAttributes implements Attributes {
  /** The SDK's default {@code LogLimits} attribute count. */
  public static final int MAX_ATTRIBUTES = 128;

  private Object[] keysAndValues = new Object[16];
  private int length;
  private int totalAdded;

  RecordAttributes() {}

  void put(AttributeKey<?> key, Object value) {
    totalAdded++;
    String name = key.getKey();
    for (int i = 0; i < length; i += 2) {
      if (((AttributeKey<?>) keysAndValues[i]).getKey().equals(name)) {
        keysAndValues[i] = key;
        keysAndValues[i + 1] = value;
        return;
      }
    }
    if (length / 2 >= MAX_ATTRIBUTES) {
      return;
    }
    if (length == keysAndValues.length) {
      keysAndValues = Arrays.copyOf(keysAndValues, length * 2);
    }
    keysAndValues[length++] = key;
    keysAndValues[length++] = value;
  }

  /** Every attribute set on the record, including those replaced or over the limit. */
  int totalAdded() {
    return totalAdded;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(AttributeKey<T> key) {
    if (key == null) {
      return null;
    }
    for (int i = 0; i < length; i += 2) {
      if (key.equals(keysAndValues[i])) {
        return (T) keysAndValues[i + 1];
      }
    }
    return null;
  }

  @Override
  public void forEach(BiConsumer<? super AttributeKey<?>, ? super Object> consumer) {
    for (int i = 0; i < length; i += 2) {
      consumer.accept((AttributeKey<?>) keysAndValues[i], keysAndValues[i + 1]);
    }
  }

  @Override
  public int size() {
    return length / 2;
  }

  /** The key of attribute {@code index} (0 to {@code size() - 1}), in the order set. */
  public AttributeKey<?> keyAt(int index) {
    return (AttributeKey<?>) keysAndValues[2 * index];
  }

  /** The value of attribute {@code index}, as {@link #forEach} hands it. */
  public Object valueAt(int index) {
    return keysAndValues[2 * index + 1];
  }

  @Override
  public boolean isEmpty() {
    return length == 0;
  }

  @Override
  public Map<AttributeKey<?>, Object> asMap() {
    Map<AttributeKey<?>, Object> map = new LinkedHashMap<>();
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  @Override
  public AttributesBuilder toBuilder() {
    return Attributes.builder().putAll(this);
  }

  /**
   * Equal to another {@code RecordAttributes} with the same keys and values, whatever the order.
   * Not to the SDK's own {@link Attributes}, whose {@code equals} only knows its own kind: equality
   * must hold both ways. Compare {@link #asMap()} across kinds.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof RecordAttributes attributes && asMap().equals(attributes.asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
