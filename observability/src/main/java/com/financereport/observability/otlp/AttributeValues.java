package com.financereport.observability.otlp;

import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.redaction.ValueMarkers;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.common.Value;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns SLF4J key-values and MDC entries into typed, redacted OTLP attributes: numbers stay numbers,
 * booleans booleans, lists arrays and maps maps, and every string is redacted (whole when its key
 * names a secret) and cut before it can leave the process.
 */
final class AttributeValues {
  private static final int MAX_DEPTH = 8;

  private final Redactor redactor;
  private final int maxValueBytes;

  AttributeValues(Redactor redactor, int maxValueBytes) {
    this.redactor = redactor;
    this.maxValueBytes = maxValueBytes;
  }

  String text(String value) {
    // The stdout line of the same event has just redacted the same texts on this thread.
    return Utf8Cut.cut(redactor.threadMemo().redactText(value), maxValueBytes);
  }

  /**
   * Sets the attribute straight on the record being built: building an Attributes first would be
   * copied once more by the SDK.
   */
  void put(LogRecordBuilder attributes, String key, Object value) {
    if (key == null || value == null) {
      return;
    }
    if (redactor.isSecretKey(key)) {
      attributes.setAttribute(key, Redactor.REDACTED);
    } else if (value instanceof String s) {
      attributes.setAttribute(key, text(s));
    } else if (value instanceof Boolean b) {
      attributes.setAttribute(key, b.booleanValue());
    } else if (isWholeNumber(value)) {
      attributes.setAttribute(key, ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      attributes.setAttribute(key, ((Number) value).doubleValue());
    } else if (value instanceof Map<?, ?> || value instanceof Collection<?> || value.getClass().isArray()) {
      // The Redactor's structured copy: nested secret keys, cycles, depth, byte[] and char[]
      // handled exactly as on the stdout line; what comes back holds only safe values.
      Object redacted = redactor.redactValue(key, value);
      if (redacted instanceof String marker) {
        attributes.setAttribute(key, text(marker));
      } else {
        putStructured(attributes, key, redacted);
      }
    } else {
      attributes.setAttribute(key, text(ValueMarkers.safeToString(value)));
    }
  }

  /** Homogeneous lists become typed OTLP arrays; anything else a generic OTLP value. */
  private void putStructured(LogRecordBuilder attributes, String key, Object value) {
    if (!(value instanceof Map<?, ?>)) {
      List<Object> items = items(value);
      if (items.isEmpty()) {
        attributes.setAttribute(AttributeKey.stringArrayKey(key), List.of());
        return;
      }
      if (items.stream().allMatch(String.class::isInstance)) {
        attributes.setAttribute(
            AttributeKey.stringArrayKey(key), items.stream().map(s -> text((String) s)).toList());
        return;
      }
      if (items.stream().allMatch(AttributeValues::isWholeNumber)) {
        attributes.setAttribute(
            AttributeKey.longArrayKey(key),
            items.stream().map(n -> ((Number) n).longValue()).toList());
        return;
      }
      if (items.stream().allMatch(Boolean.class::isInstance)) {
        attributes.setAttribute(
            AttributeKey.booleanArrayKey(key), items.stream().map(b -> (Boolean) b).toList());
        return;
      }
      if (items.stream().allMatch(i -> i instanceof Double || i instanceof Float)) {
        attributes.setAttribute(
            AttributeKey.doubleArrayKey(key),
            items.stream().map(n -> ((Number) n).doubleValue()).toList());
        return;
      }
    }
    attributes.setAttribute(key, toValue(value, 0));
  }

  private Value<?> toValue(Object value, int depth) {
    if (value == null) {
      return Value.empty();
    }
    if (value instanceof Boolean b) {
      return Value.of(b);
    }
    if (isWholeNumber(value)) {
      return Value.of(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return Value.of(((Number) value).doubleValue());
    }
    if (depth >= MAX_DEPTH) {
      // Deep or cyclic structures stop here instead of overflowing the stack.
      return Value.of(text(String.valueOf(value.getClass().getName())));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Value<?>> entries = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            String entryKey = String.valueOf(k);
            entries.put(
                entryKey,
                redactor.isSecretKey(entryKey) ? Value.of(Redactor.REDACTED) : toValue(v, depth + 1));
          });
      return Value.of(entries);
    }
    if (value instanceof Collection<?> || value.getClass().isArray()) {
      List<Value<?>> values = new ArrayList<>();
      for (Object item : items(value)) {
        values.add(toValue(item, depth + 1));
      }
      return Value.of(values);
    }
    return Value.of(text(String.valueOf(value)));
  }

  private static List<Object> items(Object value) {
    if (value instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    if (value instanceof Object[] array) {
      return Arrays.asList(array);
    }
    List<Object> items = new ArrayList<>();
    if (value instanceof long[] a) {
      for (long v : a) items.add(v);
    } else if (value instanceof int[] a) {
      for (int v : a) items.add(v);
    } else if (value instanceof short[] a) {
      for (short v : a) items.add(v);
    } else if (value instanceof byte[] a) {
      for (byte v : a) items.add(v);
    } else if (value instanceof double[] a) {
      for (double v : a) items.add(v);
    } else if (value instanceof float[] a) {
      for (float v : a) items.add(v);
    } else if (value instanceof boolean[] a) {
      for (boolean v : a) items.add(v);
    } else if (value instanceof char[] a) {
      items.add(new String(a));
    }
    return items;
  }

  private static boolean isWholeNumber(Object value) {
    return value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte;
  }
}
