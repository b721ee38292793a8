package com.financereport.observability.json;

/** toString() that never throws into the logging caller. */
public final class SafeText {
  private SafeText() {}

  public static String of(Object value) {
    if (value == null) {
      return "null";
    }
    try {
      String text = value.toString();
      return text == null ? "null" : text;
    } catch (Throwable t) { // a broken toString() must not break logging, whatever it throws
      return "[toString() threw " + t.getClass().getName() + "]";
    }
  }
}
