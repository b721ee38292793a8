package com.financereport.observability.redaction;

/**
 * Whether a string is an IBAN: two-letter country code, two check digits, an alphanumeric BBAN, 15
 * to 34 characters in all, and the ISO 13616 mod-97 check equal to 1.
 */
final class IbanCheck {
  static final int MIN_LENGTH = 15;
  static final int MAX_LENGTH = 34;

  private IbanCheck() {}

  /** {@code iban} holds no spaces. */
  static boolean isIban(CharSequence iban) {
    int length = iban.length();
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return false;
    }
    if (!isCapital(iban.charAt(0))
        || !isCapital(iban.charAt(1))
        || !isDigit(iban.charAt(2))
        || !isDigit(iban.charAt(3))) {
      return false;
    }
    // Move the first four characters to the end, read letters as 10..35, take the number mod 97.
    int remainder = 0;
    for (int k = 0; k < length; k++) {
      char c = iban.charAt((k + 4) % length);
      if (isDigit(c)) {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else if (isCapital(c)) {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return remainder == 1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
