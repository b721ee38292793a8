package com.financereport.observability.internal.wire;

import com.financereport.observability.internal.record.RecordAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.ListIterator;
import java.util.function.BiConsumer;

/**
 * The messages of {@code opentelemetry/proto/common/v1} and {@code resource/v1} that every signal
 * shares: {@code KeyValue}, {@code AnyValue}, {@code Resource} and {@code InstrumentationScope},
 * written into a {@link ProtoWriter} back to front. Attributes keep their order.
 *
 * <p>One encoder per request being written: it reuses one array to walk attributes backwards.
 */
final class OtlpCommonEncoder implements BiConsumer<AttributeKey<?>, Object> {
  // common.proto
  private static final int KEY_VALUE_KEY = 1;
  private static final int KEY_VALUE_VALUE = 2;
  private static final int ANY_STRING = 1;
  private static final int ANY_BOOL = 2;
  private static final int ANY_INT = 3;
  private static final int ANY_DOUBLE = 4;
  private static final int ANY_ARRAY = 5;
  private static final int ANY_KVLIST = 6;
  private static final int ANY_BYTES = 7;
  private static final int LIST_VALUES = 1;
  private static final int SCOPE_NAME = 1;
  private static final int SCOPE_VERSION = 2;
  private static final int SCOPE_ATTRIBUTES = 3;
  // resource.proto
  private static final int RESOURCE_ATTRIBUTES = 1;

  private final ProtoWriter out;
  private static final int KEY_SLOTS = 512;
  private final String[] keyNames = new String[KEY_SLOTS];
  private final byte[][] encodedKeys = new byte[KEY_SLOTS][];
  private Object[] pairs = new Object[32];
  private int pairCount;

  OtlpCommonEncoder(ProtoWriter out) {
    this.out = out;
  }

  /** A {@code Resource} message as {@code field}. */
  void resource(int field, Resource resource) {
    int end = out.mark();
    attributes(RESOURCE_ATTRIBUTES, resource.getAttributes());
    out.endMessage(field, end);
  }

  /** An {@code InstrumentationScope} message as {@code field}. */
  void scope(int field, InstrumentationScopeInfo scope) {
    int end = out.mark();
    attributes(SCOPE_ATTRIBUTES, scope.getAttributes());
    out.string(SCOPE_VERSION, scope.getVersion());
    out.string(SCOPE_NAME, scope.getName());
    out.endMessage(field, end);
  }

  /** Each attribute as a repeated {@code KeyValue} {@code field}, in the attributes' order. */
  void attributes(int field, Attributes attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    if (attributes instanceof RecordAttributes ours) {
      // Our records' attributes are indexed: walked backwards in place, nothing copied.
      for (int i = ours.size() - 1; i >= 0; i--) {
        keyValue(field, ours.keyAt(i), ours.valueAt(i));
      }
      return;
    }
    pairCount = 0;
    attributes.forEach(this);
    for (int i = pairCount - 2; i >= 0; i -= 2) {
      keyValue(field, (AttributeKey<?>) pairs[i], pairs[i + 1]);
    }
    java.util.Arrays.fill(pairs, 0, pairCount, null);
  }

  private void keyValue(int field, AttributeKey<?> key, Object value) {
    int end = out.mark();
    attributeValue(KEY_VALUE_VALUE, key, value);
    out.raw(encodedKey(key));
    out.endMessage(field, end);
  }

  /**
   * The {@code key} field of a {@code KeyValue}, from a small table by name: a log's or span's
   * keys are a few names used over and over, so each one's UTF-8 is written once per thread, not
   * once per item. The name's hash is kept in the string, and the names are mostly the same
   * string objects, so a hit costs a read and a comparison. A colliding name takes the slot over.
   */
  private byte[] encodedKey(AttributeKey<?> key) {
    String name = key.getKey();
    int slot = name.hashCode() & (KEY_SLOTS - 1);
    String cached = keyNames[slot];
    if (cached != name && !name.equals(cached)) {
      keyNames[slot] = name;
      encodedKeys[slot] = ProtoWriter.encodedString(KEY_VALUE_KEY, name);
    }
    return encodedKeys[slot];
  }

  /** Collects one attribute for {@link #attributes}; not for callers. */
  @Override
  public void accept(AttributeKey<?> key, Object value) {
    if (pairCount == pairs.length) {
      pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[pairCount++] = key;
    pairs[pairCount++] = value;
  }

  private void attributeValue(int field, AttributeKey<?> key, Object value) {
    int end = out.mark();
    switch (key.getType()) {
      case STRING -> out.stringAlways(ANY_STRING, (String) value);
      case BOOLEAN -> out.bool(ANY_BOOL, (Boolean) value);
      case LONG -> out.varintAlways(ANY_INT, (Long) value);
      case DOUBLE -> out.fixed64Always(ANY_DOUBLE, Double.doubleToRawLongBits((Double) value));
      case STRING_ARRAY, BOOLEAN_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> array((List<?>) value);
      case VALUE -> anyValueContents((Value<?>) value);
    }
    out.endMessage(field, end);
  }

  private void array(List<?> values) {
    int end = out.mark();
    for (ListIterator<?> it = values.listIterator(values.size()); it.hasPrevious(); ) {
      int element = out.mark();
      scalar(it.previous());
      out.endMessage(LIST_VALUES, element);
    }
    out.endMessage(ANY_ARRAY, end);
  }

  private void scalar(Object value) {
    if (value instanceof String text) {
      out.stringAlways(ANY_STRING, text);
    } else if (value instanceof Boolean flag) {
      out.bool(ANY_BOOL, flag);
    } else if (value instanceof Long number) {
      out.varintAlways(ANY_INT, number);
    } else if (value instanceof Double number) {
      out.fixed64Always(ANY_DOUBLE, Double.doubleToRawLongBits(number));
    }
  }

  /** An {@code AnyValue} message as {@code field}. */
  void anyValue(int field, Value<?> value) {
    int end = out.mark();
    anyValueContents(value);
    out.endMessage(field, end);
  }

  @SuppressWarnings("unchecked")
  private void anyValueContents(Value<?> value) {
    switch (value.getType()) {
      case STRING -> out.stringAlways(ANY_STRING, (String) value.getValue());
      case BOOLEAN -> out.bool(ANY_BOOL, (Boolean) value.getValue());
      case LONG -> out.varintAlways(ANY_INT, (Long) value.getValue());
      case DOUBLE ->
          out.fixed64Always(ANY_DOUBLE, Double.doubleToRawLongBits((Double) value.getValue()));
      case BYTES -> out.bytes(ANY_BYTES, (ByteBuffer) value.getValue());
      case ARRAY -> {
        List<Value<?>> values = (List<Value<?>>) value.getValue();
        int end = out.mark();
        for (ListIterator<Value<?>> it = values.listIterator(values.size()); it.hasPrevious(); ) {
          anyValue(LIST_VALUES, it.previous());
        }
        out.endMessage(ANY_ARRAY, end);
      }
      case KEY_VALUE_LIST -> {
        List<KeyValue> entries = (List<KeyValue>) value.getValue();
        int end = out.mark();
        for (ListIterator<KeyValue> it = entries.listIterator(entries.size()); it.hasPrevious(); ) {
          KeyValue entry = it.previous();
          int pair = out.mark();
          anyValue(KEY_VALUE_VALUE, entry.getValue());
          out.stringAlways(KEY_VALUE_KEY, entry.getKey());
          out.endMessage(LIST_VALUES, pair);
        }
        out.endMessage(ANY_KVLIST, end);
      }
      case EMPTY -> {
        // An AnyValue with no member set.
      }
    }
  }
}
