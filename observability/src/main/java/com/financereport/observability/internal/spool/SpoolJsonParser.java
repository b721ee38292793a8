package com.financereport.observability.internal.spool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader for the JSON the spool writes itself: objects become {@link
 * LinkedHashMap}, arrays {@link ArrayList}, integers {@link Long}, other numbers {@link Double}.
 * Anything malformed, a duplicate member or trailing text throws {@link CorruptRecordException};
 * the spool never trusts a line it did not verify.
 */
final class SpoolJsonParser {
  private final String text;
  private int position;

  private SpoolJsonParser(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    SpoolJsonParser parser = new SpoolJsonParser(text);
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.position != text.length()) {
      throw parser.error("trailing characters");
    }
    return value;
  }

  private Object value() {
    skipWhitespace();
    if (position >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> members = new LinkedHashMap<>();
    position++;
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return members;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      if (members.put(name, value()) != null) {
        throw error("duplicate member " + name);
      }
      skipWhitespace();
      char next = next();
      if (next == '}') {
        return members;
      }
      if (next != ',') {
        throw error("expected , or }");
      }
    }
  }

  private List<Object> array() {
    List<Object> items = new ArrayList<>();
    position++;
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return items;
    }
    while (true) {
      items.add(value());
      skipWhitespace();
      char next = next();
      if (next == ']') {
        return items;
      }
      if (next != ',') {
        throw error("expected , or ]");
      }
    }
  }

  private String string() {
    position++;
    StringBuilder out = null;
    int start = position;
    while (true) {
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(position);
      if (c == '"') {
        String value =
            out == null ? text.substring(start, position) : out.append(text, start, position).toString();
        position++;
        return value;
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, position);
        position++;
        char escaped = next();
        switch (escaped) {
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case '/' -> out.append('/');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append(unicodeEscape());
          }
          default -> throw error("bad escape");
        }
        start = position;
      } else {
        position++;
      }
    }
  }

  /** RFC 8259 numbers only: no leading zeros, no bare dot, digits on both sides of it. */
  private Object number() {
    int start = position;
    accept('-');
    if (!accept('0') && digits() == 0) {
      throw error("unexpected character");
    }
    boolean integral = true;
    if (accept('.')) {
      integral = false;
      requireDigits();
    }
    if (accept('e') || accept('E')) {
      integral = false;
      if (!accept('+')) {
        accept('-');
      }
      requireDigits();
    }
    String number = text.substring(start, position);
    try {
      return integral ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw error("number out of range");
    }
  }

  private int digits() {
    int start = position;
    while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
      position++;
    }
    return position - start;
  }

  private void requireDigits() {
    if (digits() == 0) {
      throw error("expected a digit");
    }
  }

  private boolean accept(char c) {
    if (position < text.length() && text.charAt(position) == c) {
      position++;
      return true;
    }
    return false;
  }

  /** The four hex digits after {@code \\u}; lone surrogates pass, as the writer escapes them. */
  private char unicodeEscape() {
    int code = 0;
    for (int i = 0; i < 4; i++) {
      char c = next();
      int digit =
          c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
              : -1;
      if (digit < 0) {
        throw error("bad unicode escape");
      }
      code = (code << 4) | digit;
    }
    return (char) code;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("unexpected literal");
    }
    position += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private char peek() {
    if (position >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(position);
  }

  private char next() {
    char c = peek();
    position++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected " + c);
    }
  }

  private CorruptRecordException error(String reason) {
    return new CorruptRecordException(reason + " at character " + position);
  }
}
