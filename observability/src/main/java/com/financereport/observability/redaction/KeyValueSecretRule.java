package com.financereport.observability.redaction;

/**
 * {@code key=value} and {@code key: value} pairs inside text whose key names a secret, in query
 * strings ({@code ?token=abc&x=1}), config dumps ({@code password = hunter2}), headers ({@code
 * X-Api-Key: abc}, {@code Authorization: Bearer abc}) and JSON, plain or escaped ({@code
 * "password":"x"}, {@code \"password\":\"x\"}). Only the value is replaced; an object or array
 * value is left to the keys inside it. Keys are judged by the same word-aware rule as structured
 * keys, so {@code token_count=5} stays.
 *
 * <p>Hand-written rather than a regular expression: it finds each '=' or ':' with one scan, looks
 * back a bounded distance for the key, and so stays linear on any input.
 */
final class KeyValueSecretRule implements TextRule {
  private static final int MAX_KEY_LENGTH = 64;
  private static final String[] AUTH_SCHEMES = {"bearer", "basic", "token", "digest", "negotiate"};
  private static final String[] LABELS = {
    Redactor.REDACTED,
    Redactor.EMAIL,
    Redactor.CARD,
    Redactor.IBAN,
    Redactor.PHONE,
    Redactor.ID_NUMBER
  };

  private final SecretKeyMatcher keys;

  KeyValueSecretRule(SecretKeyMatcher keys) {
    this.keys = keys;
  }

  @Override
  public String name() {
    return "key-value-secret";
  }

  @Override
  public int triggers() {
    return TextTriggers.ASSIGNMENT;
  }

  @Override
  public String apply(String text) {
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c != '=' && c != ':') {
        i++;
        continue;
      }
      int separator = i;
      i++;
      if (c == ':' && text.startsWith("//", i)) {
        continue; // a URL scheme, not a key
      }
      if (!hasSecretKeyBefore(text, separator)) {
        continue;
      }
      int valueStart = skipBlanks(text, separator + 1);
      char quote = 0;
      boolean escapedQuote = false;
      if (text.startsWith("\\\"", valueStart)) {
        quote = '"';
        escapedQuote = true;
        valueStart += 2;
      } else if (valueStart < n
          && (text.charAt(valueStart) == '"' || text.charAt(valueStart) == '\'')) {
        quote = text.charAt(valueStart);
        valueStart++;
      } else {
        valueStart = skipAuthScheme(text, valueStart);
      }
      if (startsWithLabel(text, valueStart)) {
        i = valueStart;
        continue;
      }
      if (startsContainer(text, valueStart, quote)) {
        int close = scalarArrayEnd(text, valueStart);
        if (close < 0) {
          i = valueStart;
          continue;
        }
        // "api_keys": ["k1", "k2"]: nothing inside names the secrets, so they go as one element.
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(text, copied, valueStart + 1).append(elementLabel(text, valueStart + 1));
        copied = close;
        i = close;
        continue;
      }
      int valueEnd =
          quote == 0
              ? plainValueEnd(text, valueStart)
              : quotedValueEnd(text, valueStart, quote, escapedQuote);
      if (valueEnd == valueStart) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(text, copied, valueStart).append(Redactor.REDACTED);
      copied = valueEnd;
      i = valueEnd;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  private boolean hasSecretKeyBefore(String text, int separator) {
    int end = separator;
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    for (int quotes = 0; quotes < 2 && end > 0 && isQuoteOrEscape(text.charAt(end - 1)); quotes++) {
      end--;
    }
    int start = end;
    boolean hasLetter = false;
    while (start > 0 && end - start < MAX_KEY_LENGTH && isKeyChar(text.charAt(start - 1))) {
      start--;
      hasLetter |= Character.isLetter(text.charAt(start));
    }
    // A key that runs on past the limit is not a key someone typed; "12:30" has no letter;
    // "2026-11-25T19:39" starts with a digit. Neither reaches the verdict cache.
    if (!hasLetter
        || Character.isDigit(text.charAt(start))
        || (start > 0 && isKeyChar(text.charAt(start - 1)))) {
      return false;
    }
    return keys.isSecret(text, start, end);
  }

  private static int skipBlanks(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** "Authorization: Bearer abc": the scheme stays readable, the credential goes. */
  private static int skipAuthScheme(String text, int start) {
    for (String scheme : AUTH_SCHEMES) {
      int afterScheme = start + scheme.length();
      if (text.regionMatches(true, start, scheme, 0, scheme.length())
          && afterScheme < text.length()
          && text.charAt(afterScheme) == ' ') {
        return skipBlanks(text, afterScheme);
      }
    }
    return start;
  }

  private static boolean startsWithLabel(String text, int start) {
    for (String label : LABELS) {
      if (text.startsWith(label, start)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code "credentials": {"user": …}}: a nested object or array is left to the keys inside it,
   * rather than cutting at its first delimiter and breaking its shape.
   */
  private static boolean startsContainer(String text, int start, char quote) {
    if (quote != 0 || start + 1 >= text.length()) {
      return false;
    }
    char open = text.charAt(start);
    // Escaped JSON inside a string: [\"a\"] opens as ["a"] does.
    char next = text.startsWith("\\\"", start + 1) ? '"' : text.charAt(start + 1);
    // Only JSON-looking openings: "{SSHA}…" or "[hunter2]" are values and go.
    if (open == '{') {
      return next == '"' || next == '}' || Character.isWhitespace(next);
    }
    return open == '['
        && (next == '"'
            || next == '{'
            || next == '['
            || next == ']'
            || Character.isWhitespace(next));
  }

  /**
   * The index of the ']' closing an array of scalars opened at {@code open}, or -1 when the array
   * holds objects or arrays (their own keys decide) or is empty.
   */
  private static int scalarArrayEnd(String text, int open) {
    if (text.charAt(open) != '[') {
      return -1;
    }
    int first = skipWhitespace(text, open + 1);
    int close = text.indexOf(']', first);
    if (close < 0 || close == first) {
      return -1;
    }
    for (int j = first; j < close; j++) {
      if (text.charAt(j) == '{' || text.charAt(j) == '[') {
        return -1;
      }
    }
    return close;
  }

  /** One redacted element, quoted as the array's first element was. */
  private static String elementLabel(String text, int from) {
    int first = skipWhitespace(text, from);
    if (text.startsWith("\\\"", first)) {
      return "\\\"" + Redactor.REDACTED + "\\\"";
    }
    if (text.charAt(first) == '"') {
      return '"' + Redactor.REDACTED + '"';
    }
    return Redactor.REDACTED;
  }

  private static int skipWhitespace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int plainValueEnd(String text, int start) {
    int i = start;
    // A bracketed value ("{SSHA}…", "[hunter2]") goes whole, brackets included.
    if (i < text.length() && (text.charAt(i) == '{' || text.charAt(i) == '[')) {
      char close = text.charAt(i) == '{' ? '}' : ']';
      int j = i + 1;
      while (j < text.length()
          && text.charAt(j) != close
          && !Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      if (j < text.length() && text.charAt(j) == close) {
        i = j + 1;
      }
    }
    while (i < text.length() && !endsPlainValue(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int quotedValueEnd(String text, int start, char quote, boolean escapedQuote) {
    int close = text.indexOf(quote, start);
    if (close < 0) {
      return plainValueEnd(text, start); // cut off before the closing quote
    }
    if (escapedQuote && close > start && text.charAt(close - 1) == '\\') {
      return close - 1;
    }
    return close;
  }

  private static boolean endsPlainValue(char c) {
    switch (c) {
      case '&':
      case ',':
      case ';':
      case '"':
      case '\'':
      case '<':
      case '>':
      case ')':
      case ']':
      case '}':
      case '\\':
        return true;
      default:
        return Character.isWhitespace(c) || Character.isISOControl(c);
    }
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private static boolean isQuoteOrEscape(char c) {
    return c == '"' || c == '\'' || c == '\\';
  }
}
