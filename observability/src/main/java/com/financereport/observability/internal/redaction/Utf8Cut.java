package com.financereport.observability.internal.redaction;

import java.nio.charset.StandardCharsets;

/**
 * The one cut rule of every output: keep the longest prefix of whole characters that fits in the
 * byte budget, then {@link #MARKER}. The stdout writer applies it while escaping (no substring);
 * outputs that need a String (OTLP) call {@link #cut}.
 */
public final class Utf8Cut {
  /** Appended to text that was cut at its limit. */
  public static final String MARKER = "...[truncated]";

  static final int MARKER_BYTES = MARKER.getBytes(StandardCharsets.US_ASCII).length;

  private Utf8Cut() {}

  /** {@code text} whole when it fits in {@code maxBytes}, else its cut prefix and the marker. */
  public static String cut(String text, int maxBytes) {
    // No UTF-16 unit takes more than 3 UTF-8 bytes: most texts need no counting.
    if (text == null || text.length() <= maxBytes / 3) {
      return text;
    }
    int end = prefixEnd(text, maxBytes);
    return end == text.length() ? text : text.substring(0, end) + MARKER;
  }

  /** The UTF-8 bytes of {@code text} as an output writes it under {@code maxBytes}, marker included. */
  public static int length(CharSequence text, int maxBytes) {
    int bytes = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      int width = width(text, i);
      if (bytes + width > maxBytes) {
        return bytes + MARKER_BYTES;
      }
      bytes += width;
      if (width == 4) {
        i++;
      }
    }
    return bytes;
  }

  /** The end of the longest prefix of whole characters within {@code maxBytes}. */
  private static int prefixEnd(CharSequence text, int maxBytes) {
    int bytes = 0;
    int i = 0;
    for (int n = text.length(); i < n; ) {
      int width = width(text, i);
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      i += width == 4 ? 2 : 1;
    }
    return i;
  }

  /** UTF-8 width of the character at {@code i}; a lone surrogate counts 3, as its replacement. */
  private static int width(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1))) {
      return 4;
    }
    return 3;
  }
}
