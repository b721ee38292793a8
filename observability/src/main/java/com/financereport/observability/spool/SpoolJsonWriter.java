package com.financereport.observability.spool;

/**
 * Writes JSON strings and numbers into a {@link StringBuilder}. Lone surrogates are escaped as
 * {@code \\uXXXX} so that a record survives the UTF-8 round trip byte for byte (a plain UTF-8
 * encoder would turn them into '?').
 */
final class SpoolJsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SpoolJsonWriter() {}

  static void string(StringBuilder out, String value) {
    out.append('"');
    int length = value.length();
    int plainFrom = 0; // runs of characters that need no escape are copied in one call
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7f) {
        continue;
      }
      if (c >= 0x80 && !Character.isSurrogate(c)) {
        continue;
      }
      out.append(value, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < length
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
            plainFrom = i + 1;
          } else {
            unicodeEscape(out, c); // control characters, DEL and lone surrogates
          }
        }
      }
    }
    out.append(value, plainFrom, length);
    out.append('"');
  }

  /** JSON has no NaN or infinities: those travel as strings and are read back by name. */
  static void number(StringBuilder out, double value) {
    if (Double.isFinite(value)) {
      out.append(value);
    } else {
      out.append('"').append(value).append('"');
    }
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
