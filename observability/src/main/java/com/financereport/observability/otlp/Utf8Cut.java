package com.financereport.observability.otlp;

/** Cuts text to a UTF-8 byte budget without splitting a character, and marks the cut. */
final class Utf8Cut {
  /** The same marker as on the stdout line, so both outputs say "cut" alike. */
  static final String MARKER = com.financereport.observability.json.JsonWriter.CUT_MARKER;

  private Utf8Cut() {}

  static String cut(String text, int maxBytes) {
    // No character takes more than 3 UTF-8 bytes per UTF-16 unit: most texts need no counting.
    if (text == null || text.length() <= maxBytes / 3) {
      return text;
    }
    int bytes = 0;
    int keep = maxBytes - MARKER.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int width;
      if (c < 0x80) {
        width = 1;
      } else if (c < 0x800) {
        width = 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        width = 4;
      } else {
        width = 3;
      }
      if (bytes + width > maxBytes) {
        return cutAt(text, keep);
      }
      bytes += width;
      if (width == 4) {
        i++;
      }
    }
    return text;
  }

  private static String cutAt(String text, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      char c = text.charAt(end);
      int width = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : 3;
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      end += width == 4 ? 2 : 1;
    }
    return text.substring(0, end) + MARKER;
  }
}
