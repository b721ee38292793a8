package com.financereport.observability.internal.redaction;

/**
 * What stands in for a value that cannot or must not be written as it is. One vocabulary for every
 * output: the stdout line and the OTLP attributes say the same thing about the same value.
 */
public final class ValueMarkers {
  /** Deeper than any attribute anyone reads; also bounds the recursion. */
  public static final int MAX_DEPTH = 8;

  public static final String CYCLE = "[CYCLE]";
  public static final String TOO_DEEP = "[MAX DEPTH]";
  /** Stands for the elements of a list, or the members of a map, beyond the value's budget. */
  public static final String TRUNCATED = "[truncated]";
  /** The key of {@link #TRUNCATED} in a map. */
  public static final String TRUNCATED_KEY = "...";

  private ValueMarkers() {}

  /** Binary data is never printed, only its size. */
  public static String binary(byte[] bytes) {
    return "[binary " + bytes.length + " bytes]";
  }

  /** char[] is Java's idiom for passwords: never printed, only its length. */
  public static String chars(char[] chars) {
    return "[char[] " + chars.length + "]";
  }

  /** A map or collection that failed while being read (concurrent change, broken iterator). */
  public static String unreadable(Object container, RuntimeException failure) {
    return "[unreadable "
        + container.getClass().getSimpleName()
        + ": "
        + failure.getClass().getSimpleName()
        + "]";
  }

  /** toString() that never throws into the logging caller, whatever the object does. */
  public static String safeToString(Object value) {
    if (value == null) {
      return "null";
    }
    try {
      String text = value.toString();
      return text == null ? "null" : text;
    } catch (RuntimeException | StackOverflowError e) {
      return "[toString() of " + value.getClass().getName() + " threw " + e.getClass().getSimpleName() + "]";
    }
  }
}
