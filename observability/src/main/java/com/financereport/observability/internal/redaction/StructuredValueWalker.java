package com.financereport.observability.internal.redaction;

import com.financereport.observability.redaction.Redactor;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one walk over a key-value or MDC value, for every output: strings and other objects (through
 * a {@code toString()} that may throw) are redacted here, once, on the way to the {@link
 * ValueSink}; numbers, booleans and null keep their type; maps, iterables and arrays nest. Its
 * rules are the outputs' rules: a secret key replaces its value whole, nesting stops at {@link
 * #MAX_DEPTH}, a container on its own path is a {@link ValueMarkers#CYCLE}, {@code byte[]} and
 * {@code char[]} are never printed, and a value's texts together spend at most the value limit
 * (counted in UTF-8 bytes, whatever the output), after which containers end with a truncation
 * marker. Holds the container path of the walk in progress: one instance per thread.
 */
public final class StructuredValueWalker {
  public static final int MAX_DEPTH = ValueMarkers.MAX_DEPTH;
  public static final int MAX_KEY_BYTES = 256;
  /** What a number, boolean or null is counted as against the value's budget. */
  private static final int SCALAR_BYTES = 8;

  private final Redactor redactor;
  private final RedactionMemo texts;
  private final int maxValueBytes;
  private final Object[] path = new Object[MAX_DEPTH];
  private int budget;

  /**
   * @param texts this thread's memo, shared with the other outputs of the same event
   * @param maxValueBytes the limit of one text, and of all texts of one value together
   */
  public StructuredValueWalker(Redactor redactor, RedactionMemo texts, int maxValueBytes) {
    this.redactor = redactor;
    this.texts = texts;
    this.maxValueBytes = maxValueBytes;
  }

  /** Whether a value under this key is replaced whole; outputs may cache the answer per key. */
  public boolean isSecretKey(String key) {
    return key != null && redactor.isSecretKey(key);
  }

  /** A key as every output writes it: redacted by shape; null becomes "null". */
  public String key(String key) {
    return key == null ? "null" : redactor.redactKey(key);
  }

  /** Walks {@code value} stored under {@code key}: a secret key's non-null value is {@value Redactor#REDACTED}. */
  public void walk(String key, Object value, ValueSink sink) {
    if (value != null && isSecretKey(key)) {
      sink.text(Redactor.REDACTED, Integer.MAX_VALUE);
      return;
    }
    walkValue(value, sink);
  }

  /**
   * A lone text as {@link #walkValue} hands it to a sink, to be cut at {@link #maxValueBytes()}:
   * the common case of a string member, without the set-up of a walk.
   */
  public String text(String value) {
    return texts.redactText(value);
  }

  /** The limit of one text, and of all texts of one value together. */
  public int maxValueBytes() {
    return maxValueBytes;
  }

  /** Walks a value whose key the caller has already checked. */
  public void walkValue(Object value, ValueSink sink) {
    budget = maxValueBytes;
    write(value, 0, sink);
  }

  private void write(Object value, int depth, ValueSink sink) {
    if (value == null) {
      budget -= SCALAR_BYTES;
      sink.nullValue();
    } else if (value instanceof String s) {
      text(texts.redactText(s), depth, sink);
    } else if (value instanceof Boolean b) {
      budget -= SCALAR_BYTES;
      sink.bool(b);
    } else if (isNumber(value)) {
      budget -= SCALAR_BYTES;
      sink.number((Number) value);
    } else if (value instanceof Enum<?> e) {
      text(e.name(), depth, sink);
    } else if (value instanceof Optional<?> o) {
      write(o.orElse(null), depth, sink);
    } else if (value instanceof byte[] bytes) {
      marker(ValueMarkers.binary(bytes), sink);
    } else if (value instanceof char[] chars) {
      marker(ValueMarkers.chars(chars), sink);
    } else if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()) {
      container(value, depth, sink);
    } else {
      text(texts.redactText(ValueMarkers.safeToString(value)), depth, sink);
    }
  }

  private void text(String text, int depth, ValueSink sink) {
    if (depth > 0) {
      // Only a container's elements spend the budget: a lone text is cut by its own limit.
      budget -= Utf8Cut.length(text, maxValueBytes);
    }
    sink.text(text, maxValueBytes);
  }

  private void marker(String marker, ValueSink sink) {
    budget -= marker.length();
    sink.text(marker, Integer.MAX_VALUE);
  }

  private void container(Object value, int depth, ValueSink sink) {
    if (depth >= MAX_DEPTH) {
      marker(ValueMarkers.TOO_DEEP, sink);
      return;
    }
    for (int i = 0; i < depth; i++) {
      if (path[i] == value) {
        marker(ValueMarkers.CYCLE, sink);
        return;
      }
    }
    path[depth] = value;
    try {
      if (value instanceof Map<?, ?> map) {
        map(map, depth, sink);
      } else if (value instanceof Iterable<?> iterable) {
        sink.beginList();
        for (Object element : iterable) {
          if (!element(element, depth, sink)) {
            break;
          }
        }
        sink.endList();
      } else {
        sink.beginList();
        for (int i = 0, length = Array.getLength(value); i < length; i++) {
          if (!element(Array.get(value, i), depth, sink)) {
            break;
          }
        }
        sink.endList();
      }
    } catch (RuntimeException e) {
      // e.g. a map modified by another thread while we read it
      sink.discardOpen();
      marker(ValueMarkers.unreadable(value, e), sink);
    } finally {
      path[depth] = null;
    }
  }

  private void map(Map<?, ?> map, int depth, ValueSink sink) {
    sink.beginMap();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (budget < 0) {
        sink.key(ValueMarkers.TRUNCATED_KEY, Integer.MAX_VALUE);
        sink.text(ValueMarkers.TRUNCATED, Integer.MAX_VALUE);
        break;
      }
      String key = entry.getKey() == null ? null : ValueMarkers.safeToString(entry.getKey());
      String written = key(key);
      budget -= Utf8Cut.length(written, MAX_KEY_BYTES);
      sink.key(written, MAX_KEY_BYTES);
      Object value = entry.getValue();
      if (value != null && isSecretKey(key)) {
        marker(Redactor.REDACTED, sink);
      } else {
        write(value, depth + 1, sink);
      }
    }
    sink.endMap();
  }

  /** Writes one list element; false, having written the truncation marker, once the budget is spent. */
  private boolean element(Object element, int depth, ValueSink sink) {
    if (budget < 0) {
      sink.text(ValueMarkers.TRUNCATED, Integer.MAX_VALUE);
      return false;
    }
    write(element, depth + 1, sink);
    return true;
  }

  private static boolean isNumber(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof Float
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigDecimal
        || value instanceof BigInteger
        || value instanceof AtomicInteger
        || value instanceof AtomicLong;
  }
}
