package com.financereport.observability.redaction;

/**
 * E-mail addresses become {@value Redactor#EMAIL}. Hand-written: it starts from each '@' and reads
 * outwards, so it costs nothing on the text around the addresses. An address needs a local part (up
 * to 64 characters, not right after a '/', so {@code https://git@host} stays) and a domain of
 * dot-separated labels ending in an alphabetic top-level label of two or more letters ({@code
 * user@localhost} stays).
 */
final class EmailAddressRule implements TextRule {
  private static final int MAX_LOCAL_PART = 64;
  private static final int MAX_DOMAIN = 253;

  @Override
  public String name() {
    return "email";
  }

  @Override
  public int triggers() {
    return TextTriggers.AT_SIGN;
  }

  @Override
  public String apply(String text) {
    StringBuilder out = null;
    int copied = 0;
    int at = text.indexOf('@');
    while (at >= 0) {
      int start = localPartStart(text, at);
      int end = start < 0 || start < copied ? -1 : domainEnd(text, at + 1);
      if (end < 0) {
        at = text.indexOf('@', at + 1);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, start).append(Redactor.EMAIL);
      copied = end;
      at = text.indexOf('@', end);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** The index the local part starts at, or -1 when there is none. */
  private static int localPartStart(String text, int at) {
    int start = at;
    while (start > 0 && at - start <= MAX_LOCAL_PART && isLocalChar(text.charAt(start - 1))) {
      start--;
    }
    if (start == at || at - start > MAX_LOCAL_PART) {
      return -1;
    }
    if (start > 0 && text.charAt(start - 1) == '/') {
      return -1; // the user part of a URL
    }
    return start;
  }

  /** The index just after the domain, or -1 when what follows '@' is no domain. */
  private static int domainEnd(String text, int from) {
    int end = from;
    while (end < text.length() && end - from <= MAX_DOMAIN && isDomainChar(text.charAt(end))) {
      end++;
    }
    // A sentence may end right after the address: "write to bob@example.com."
    while (end > from && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
      end--;
    }
    int lastDot = end - 1;
    while (lastDot > from && text.charAt(lastDot) != '.') {
      lastDot--;
    }
    if (lastDot <= from || end - lastDot - 1 < 2) {
      return -1;
    }
    for (int i = lastDot + 1; i < end; i++) {
      if (!Character.isLetter(text.charAt(i))) {
        return -1;
      }
    }
    for (int i = from; i < end; i++) {
      if (text.charAt(i) == '.' && (i == from || text.charAt(i - 1) == '.')) {
        return -1; // an empty label
      }
    }
    return end;
  }

  private static boolean isLocalChar(char c) {
    return isAsciiAlphanumeric(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isDomainChar(char c) {
    return isAsciiAlphanumeric(c) || c == '.' || c == '-';
  }

  private static boolean isAsciiAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
