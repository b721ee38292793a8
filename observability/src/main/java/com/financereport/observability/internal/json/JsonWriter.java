package com.financereport.observability.internal.json;

import com.financereport.observability.internal.redaction.Utf8Cut;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable UTF-8 JSON writer into a growable byte buffer: no intermediate trees, no per-call
 * allocation. Strings are escaped so the output is always one line (control characters, quotes,
 * backslashes, U+2028/U+2029 and lone surrogates become escapes) and cut at a byte limit, marked
 * with {@link #CUT_MARKER} by the rule of {@link Utf8Cut}, which every output shares. Not
 * thread-safe: one per thread.
 */
public final class JsonWriter {
  /** Appended to a string value that was cut at its limit. */
  public static final String CUT_MARKER = Utf8Cut.MARKER;

  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] CUT_BYTES =
      CUT_MARKER.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int SHRINK_ABOVE = 256 * 1024;
  /** Double.toString writes magnitudes in [10^-3, 10^7) without an exponent. */
  private static final double PLAIN_MIN = 1e-3;
  private static final double PLAIN_MAX = 1e7;
  /** 10^0 to 10^8: at most eight decimals on the fast path, so |value| * 10^k stays below 2^53. */
  private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

  private byte[] buf;
  private int size;
  /** Reused for the digits of floating-point numbers: no String per number. */
  private final StringBuilder digits = new StringBuilder(32);

  public JsonWriter(int initialCapacity) {
    buf = new byte[Math.max(64, initialCapacity)];
  }

  public int size() {
    return size;
  }

  /** Forgets the content; a buffer that grew very large is released. */
  public void reset() {
    size = 0;
    if (buf.length > SHRINK_ABOVE) {
      buf = new byte[4096];
    }
  }

  /** Rolls back to an earlier {@link #size()}. */
  public void truncateTo(int mark) {
    size = Math.min(size, mark);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, size);
  }

  /** A copy of what was written since {@code mark}. */
  public byte[] copyFrom(int mark) {
    return Arrays.copyOfRange(buf, mark, size);
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** The content as text; for tests and diagnostics. */
  @Override
  public String toString() {
    return new String(buf, 0, size, java.nio.charset.StandardCharsets.UTF_8);
  }

  public void raw(byte b) {
    ensure(1);
    buf[size++] = b;
  }

  /** Bytes known to be valid JSON (pre-encoded field names, literals). */
  public void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  public void nullValue() {
    raw(Literals.NULL);
  }

  public void bool(boolean value) {
    raw(value ? Literals.TRUE : Literals.FALSE);
  }

  public void number(long value) {
    if (value == Long.MIN_VALUE) {
      raw(Long.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return;
    }
    ensure(20);
    if (value < 0) {
      buf[size++] = '-';
      value = -value;
    }
    digits(value, 1);
  }

  /** The decimal digits of a non-negative value, zero-padded to {@code minDigits}. */
  public void paddedNumber(long value, int minDigits) {
    ensure(Math.max(minDigits, 20));
    digits(value, minDigits);
  }

  /** The decimal digits of a non-negative value, zero-padded to {@code minDigits}; room ensured. */
  private void digits(long value, int minDigits) {
    int end = size + Math.max(minDigits, digitCount(value));
    for (int i = end - 1; i >= size; i--) {
      buf[i] = (byte) ('0' + (value % 10));
      value /= 10;
    }
    size = end;
  }

  /** Finite doubles as JSON numbers; NaN and infinities as strings (JSON has no literal for them). */
  public void number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      string(Double.toString(value), Integer.MAX_VALUE);
      return;
    }
    if (value == (long) value && Math.abs(value) < 1e15) {
      number((long) value);
      return;
    }
    if (plainDecimal(value)) {
      return;
    }
    digits.setLength(0);
    digits.append(value);
    asciiDigits();
  }

  /**
   * The common case of a double with a few decimals (an amount, a ratio), without {@link
   * Double#toString}: the fewest fractional digits k for which {@code round(|value| * 10^k)}, read
   * back as {@code m / 10^k}, is exactly the value. Both operands of that division are exact
   * doubles (m below 2^53, 10^k up to 10^22), so IEEE division rounds it correctly, as parsing the
   * written decimal would. Limited to the magnitudes {@link Double#toString} writes without an
   * exponent; returns false, having written nothing, for anything else.
   */
  private boolean plainDecimal(double value) {
    double magnitude = Math.abs(value);
    if (!(magnitude >= PLAIN_MIN && magnitude < PLAIN_MAX)) {
      return false;
    }
    for (int k = 1; k < POWERS_OF_TEN.length; k++) {
      long scaled = Math.round(magnitude * POWERS_OF_TEN[k]);
      if (scaled / POWERS_OF_TEN[k] == magnitude) {
        ensure(24);
        if (value < 0) {
          buf[size++] = '-';
        }
        long unit = (long) POWERS_OF_TEN[k];
        digits(scaled / unit, 1);
        buf[size++] = '.';
        digits(scaled % unit, k);
        return true;
      }
    }
    return false;
  }

  /** A float with its own shortest digits (1.1f is 1.1, not 1.100000023841858). */
  public void number(float value) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      string(Float.toString(value), Integer.MAX_VALUE);
      return;
    }
    digits.setLength(0);
    digits.append(value);
    asciiDigits();
  }

  private void asciiDigits() {
    int n = digits.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[size++] = (byte) digits.charAt(i);
    }
  }

  /** Writes a quoted, escaped string of at most {@code maxBytes} UTF-8 bytes (before escaping). */
  public void string(CharSequence s, int maxBytes) {
    raw((byte) '"');
    stringContent(s, maxBytes);
    raw((byte) '"');
  }

  /**
   * Writes the escaped content of a string without quotes. Counts UTF-8 bytes of the input and, past
   * {@code maxBytes}, stops at a character boundary and appends {@link #CUT_MARKER}.
   */
  public void stringContent(CharSequence s, int maxBytes) {
    if (s instanceof String plain && plain.length() <= maxBytes && copyPlainAscii(plain)) {
      return;
    }
    int len = s.length();
    ensure(len + 16);
    int budget = maxBytes;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (--budget < 0) {
          cut();
          return;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
          if (size == buf.length) {
            ensure(len - i + 16);
          }
          buf[size++] = (byte) c;
        } else {
          escapeAscii(c);
        }
      } else if (c < 0x800) {
        budget -= 2;
        if (budget < 0) {
          cut();
          return;
        }
        ensure(2);
        buf[size++] = (byte) (0xC0 | (c >> 6));
        buf[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        budget -= 4;
        if (budget < 0) {
          cut();
          return;
        }
        int cp = Character.toCodePoint(c, s.charAt(++i));
        ensure(4);
        buf[size++] = (byte) (0xF0 | (cp >> 18));
        buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[size++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
        // A lone surrogate cannot be encoded as UTF-8; the line separators break some readers.
        // Counted as 3 bytes as by Utf8Cut: the budget is the input's, not the escaped output's.
        budget -= 3;
        if (budget < 0) {
          cut();
          return;
        }
        unicodeEscape(c);
      } else {
        budget -= 3;
        if (budget < 0) {
          cut();
          return;
        }
        ensure(3);
        buf[size++] = (byte) (0xE0 | (c >> 12));
        buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  /**
   * The common case: printable ASCII with nothing to escape, copied in bulk. Returns false, having
   * written nothing, when the string needs the careful path.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a plain Latin-1 copy
  private boolean copyPlainAscii(String s) {
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    ensure(len);
    s.getBytes(0, len, buf, size);
    size += len;
    return true;
  }

  private void cut() {
    raw(CUT_BYTES);
  }

  private void escapeAscii(char c) {
    ensure(6);
    switch (c) {
      case '"' -> {
        buf[size++] = '\\';
        buf[size++] = '"';
      }
      case '\\' -> {
        buf[size++] = '\\';
        buf[size++] = '\\';
      }
      case '\n' -> {
        buf[size++] = '\\';
        buf[size++] = 'n';
      }
      case '\r' -> {
        buf[size++] = '\\';
        buf[size++] = 'r';
      }
      case '\t' -> {
        buf[size++] = '\\';
        buf[size++] = 't';
      }
      default -> unicodeEscape(c);
    }
  }

  private void unicodeEscape(char c) {
    ensure(6);
    buf[size++] = '\\';
    buf[size++] = 'u';
    buf[size++] = HEX[(c >> 12) & 0xF];
    buf[size++] = HEX[(c >> 8) & 0xF];
    buf[size++] = HEX[(c >> 4) & 0xF];
    buf[size++] = HEX[c & 0xF];
  }

  private static int digitCount(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  private static final class Literals {
    static final byte[] NULL = {'n', 'u', 'l', 'l'};
    static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  }
}
