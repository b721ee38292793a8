package com.financereport.observability.redaction;

/**
 * Card numbers become {@value Redactor#CARD}. Hand-written: it reads each run of digits joined by
 * single spaces or dashes as one number ({@code 4111 1111 1111 1111}) and replaces it when it has
 * 13-19 digits and passes {@link CardNumberCheck}. A run that touches a letter, an underscore, a
 * '.' or ',' before a digit (a decimal), or a '+' (a phone number) is not a card.
 */
final class CardNumberRule implements TextRule {
  private static final int MAX_DIGITS = 19;

  @Override
  public String name() {
    return "card-number";
  }

  @Override
  public int triggers() {
    return TextTriggers.LONG_DIGIT_RUN;
  }

  @Override
  public String apply(String text) {
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    StringBuilder digits = new StringBuilder(MAX_DIGITS);
    while (i < n) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      digits.setLength(0);
      // One more than a card may have, so that a longer run fails the length check.
      int end = DigitRuns.end(text, start, digits, MAX_DIGITS + 1);
      i = end;
      if (!standsAlone(text, start, end) || !CardNumberCheck.isCardNumber(digits)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(text, copied, start).append(Redactor.CARD);
      copied = end;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  private static boolean standsAlone(String text, int start, int end) {
    if (start > 0) {
      char before = text.charAt(start - 1);
      if (Character.isLetterOrDigit(before) || before == '_' || before == '.' || before == '+') {
        return false;
      }
    }
    if (end < text.length()) {
      char after = text.charAt(end);
      if (Character.isLetterOrDigit(after) || after == '_') {
        return false;
      }
      if ((after == '.' || after == ',')
          && end + 1 < text.length()
          && isDigit(text.charAt(end + 1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return DigitRuns.isDigit(c);
  }
}
