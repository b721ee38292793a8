package com.financereport.observability.json;

import com.financereport.observability.redaction.RedactionMemo;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.redaction.ValueMarkers;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders an arbitrary key-value or MDC value as typed, redacted JSON: numbers, booleans and null
 * stay typed, maps and collections nest, and hostile values (a throwing toString(), cycles, deep
 * nesting, binary arrays, huge text) become bounded markers instead of exceptions. Holds the
 * per-thread container path used to detect cycles, so one instance per thread.
 */
public final class StructuredValueWriter {
  static final int MAX_DEPTH = ValueMarkers.MAX_DEPTH;
  private static final int MAX_KEY_BYTES = 256;

  private final Redactor redactor;
  private final RedactionMemo texts;
  private final int maxValueBytes;
  private final Object[] path = new Object[MAX_DEPTH];

  /** A writer for the calling thread only: it shares the thread's memo of redacted texts. */
  public StructuredValueWriter(Redactor redactor, int maxValueBytes) {
    this(redactor, redactor.threadMemo(), maxValueBytes);
  }

  /** Shares this thread's memo of redacted texts with the rest of the line. */
  StructuredValueWriter(Redactor redactor, RedactionMemo texts, int maxValueBytes) {
    this.redactor = redactor;
    this.texts = texts;
    this.maxValueBytes = maxValueBytes;
  }

  /** A key as written: escaped, length-capped and redacted by shape. Null becomes "null". */
  public void key(JsonWriter out, String key) {
    out.string(key == null ? "null" : redactor.redactKey(key), MAX_KEY_BYTES);
  }

  /**
   * Writes {@code value} stored under {@code key}; a secret key replaces the value whole.
   *
   * @param lineLimit stop adding container elements once the buffer passes this size
   */
  public void value(JsonWriter out, String key, Object value, int lineLimit) {
    if (key != null && redactor.isSecretKey(key)) {
      out.string(Redactor.REDACTED, Integer.MAX_VALUE);
      return;
    }
    write(out, value, 0, lineLimit);
  }

  private void write(JsonWriter out, Object value, int depth, int lineLimit) {
    if (value == null) {
      out.nullValue();
    } else if (value instanceof String s) {
      out.string(texts.redactText(s), maxValueBytes);
    } else if (value instanceof Boolean b) {
      out.bool(b);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof AtomicInteger
        || value instanceof AtomicLong) {
      out.number(((Number) value).longValue());
    } else if (value instanceof Double d) {
      out.number(d.doubleValue());
    } else if (value instanceof Float f) {
      out.number(f.floatValue());
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      out.raw(value.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } else if (value instanceof Enum<?> e) {
      out.string(e.name(), maxValueBytes);
    } else if (value instanceof Optional<?> o) {
      write(out, o.orElse(null), depth, lineLimit);
    } else if (value instanceof byte[] bytes) {
      out.string(ValueMarkers.binary(bytes), Integer.MAX_VALUE);
    } else if (value instanceof char[] chars) {
      out.string(ValueMarkers.chars(chars), Integer.MAX_VALUE);
    } else if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()) {
      container(out, value, depth, lineLimit);
    } else {
      out.string(texts.redactText(ValueMarkers.safeToString(value)), maxValueBytes);
    }
  }

  private void container(JsonWriter out, Object value, int depth, int lineLimit) {
    if (depth >= MAX_DEPTH) {
      out.string(ValueMarkers.TOO_DEEP, Integer.MAX_VALUE);
      return;
    }
    for (int i = 0; i < depth; i++) {
      if (path[i] == value) {
        out.string(ValueMarkers.CYCLE, Integer.MAX_VALUE);
        return;
      }
    }
    path[depth] = value;
    int mark = out.size();
    try {
      if (value instanceof Map<?, ?> map) {
        object(out, map, depth, lineLimit);
      } else if (value instanceof Iterable<?> iterable) {
        out.raw((byte) '[');
        boolean first = true;
        for (Object element : iterable) {
          if (!element(out, element, first, depth, lineLimit)) {
            break;
          }
          first = false;
        }
        out.raw((byte) ']');
      } else {
        out.raw((byte) '[');
        int length = Array.getLength(value);
        for (int i = 0; i < length; i++) {
          if (!element(out, Array.get(value, i), i == 0, depth, lineLimit)) {
            break;
          }
        }
        out.raw((byte) ']');
      }
    } catch (RuntimeException e) {
      // e.g. a map modified by another thread while we read it
      out.truncateTo(mark);
      out.string(ValueMarkers.unreadable(value, e), Integer.MAX_VALUE);
    } finally {
      path[depth] = null;
    }
  }

  private void object(JsonWriter out, Map<?, ?> map, int depth, int lineLimit) {
    out.raw((byte) '{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.raw((byte) ',');
      }
      if (out.size() > lineLimit) {
        out.string("...", Integer.MAX_VALUE);
        out.raw((byte) ':');
        out.string("[truncated]", Integer.MAX_VALUE);
        break;
      }
      first = false;
      String key = entry.getKey() == null ? null : ValueMarkers.safeToString(entry.getKey());
      key(out, key);
      out.raw((byte) ':');
      if (key != null && redactor.isSecretKey(key)) {
        out.string(Redactor.REDACTED, Integer.MAX_VALUE);
      } else {
        write(out, entry.getValue(), depth + 1, lineLimit);
      }
    }
    out.raw((byte) '}');
  }

  /** Writes one array element; false once the line budget is spent. */
  private boolean element(JsonWriter out, Object element, boolean first, int depth, int lineLimit) {
    if (!first) {
      out.raw((byte) ',');
    }
    if (out.size() > lineLimit) {
      out.string("[truncated]", Integer.MAX_VALUE);
      return false;
    }
    write(out, element, depth + 1, lineLimit);
    return true;
  }
}
