package com.financereport.observability.redaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The redacted deep copy behind {@link Redactor#redactValue(String, Object)}: maps become {@code
 * Map<String, Object>} in their own order, collections and arrays become {@code List<Object>},
 * strings and every other object go through the text rules, numbers, booleans and null keep their
 * type. It never throws and never prints binary data.
 */
final class StructuredValueRedactor {
  static final int MAX_DEPTH = ValueMarkers.MAX_DEPTH;
  static final String CYCLE = ValueMarkers.CYCLE;
  static final String TOO_DEEP = ValueMarkers.TOO_DEEP;

  private final Redactor redactor;

  StructuredValueRedactor(Redactor redactor) {
    this.redactor = redactor;
  }

  Object redact(String key, Object value) {
    if (value == null) {
      return null;
    }
    if (redactor.isSecretKey(key)) {
      return Redactor.REDACTED;
    }
    return copy(value, 0, null);
  }

  /** {@code open} holds the containers on the current path, to tell a cycle from a shared value. */
  private Object copy(Object value, int depth, Set<Object> open) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof String text) {
      return redactor.redactText(text);
    }
    if (value instanceof byte[] bytes) {
      return ValueMarkers.binary(bytes);
    }
    if (value instanceof char[] chars) {
      return ValueMarkers.chars(chars);
    }
    boolean container =
        value instanceof Map || value instanceof Iterable || value.getClass().isArray();
    if (!container) {
      return redactor.redactText(safeToString(value));
    }
    if (depth >= MAX_DEPTH) {
      return TOO_DEEP;
    }
    Set<Object> path = open == null ? Collections.newSetFromMap(new IdentityHashMap<>()) : open;
    if (!path.add(value)) {
      return CYCLE;
    }
    try {
      if (value instanceof Map<?, ?> map) {
        return copyMap(map, depth, path);
      }
      if (value instanceof Iterable<?> items) {
        return copyIterable(items, depth, path);
      }
      return copyArray(value, depth, path);
    } catch (RuntimeException e) {
      // A map or collection that fails while being read (concurrent change, broken iterator).
      return ValueMarkers.unreadable(value, e);
    } finally {
      path.remove(value);
    }
  }

  private Map<String, Object> copyMap(Map<?, ?> map, int depth, Set<Object> path) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object rawKey = entry.getKey();
      String key = rawKey instanceof String text ? text : safeToString(rawKey);
      Object value = entry.getValue();
      Object redacted =
          value != null && redactor.isSecretKey(key)
              ? Redactor.REDACTED
              : copy(value, depth + 1, path);
      // A key can carry PII too: {"bob@example.com": 3}.
      copy.put(redactor.redactText(key), redacted);
    }
    return Collections.unmodifiableMap(copy);
  }

  private List<Object> copyIterable(Iterable<?> items, int depth, Set<Object> path) {
    List<Object> copy = new ArrayList<>();
    for (Object item : items) {
      copy.add(copy(item, depth + 1, path));
    }
    return Collections.unmodifiableList(copy);
  }

  /** Object arrays are copied element by element, primitive arrays keep their numbers typed. */
  private List<Object> copyArray(Object array, int depth, Set<Object> path) {
    List<Object> copy = new ArrayList<>();
    if (array instanceof Object[] objects) {
      for (Object item : objects) {
        copy.add(copy(item, depth + 1, path));
      }
    } else if (array instanceof int[] ints) {
      for (int item : ints) {
        copy.add(item);
      }
    } else if (array instanceof long[] longs) {
      for (long item : longs) {
        copy.add(item);
      }
    } else if (array instanceof double[] doubles) {
      for (double item : doubles) {
        copy.add(item);
      }
    } else if (array instanceof float[] floats) {
      for (float item : floats) {
        copy.add(item);
      }
    } else if (array instanceof short[] shorts) {
      for (short item : shorts) {
        copy.add(item);
      }
    } else if (array instanceof boolean[] booleans) {
      for (boolean item : booleans) {
        copy.add(item);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  static String safeToString(Object value) {
    return ValueMarkers.safeToString(value);
  }

}
