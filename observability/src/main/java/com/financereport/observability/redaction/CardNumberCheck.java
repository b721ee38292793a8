package com.financereport.observability.redaction;

/**
 * Whether a run of digits is a payment card number: an issuer prefix with a length that issuer
 * uses, and a valid Luhn check digit. The issuer table keeps epoch-millisecond timestamps (13
 * digits starting with 1) and most order numbers out; Luhn removes nine in ten of what remains.
 */
final class CardNumberCheck {
  private CardNumberCheck() {}

  /** {@code number} holds the digits only, separators removed. */
  static boolean isCardNumber(CharSequence number) {
    int length = number.length();
    if (length < 13 || length > 19 || allSameDigit(number)) {
      return false;
    }
    return issuerUsesLength(number, length) && passesLuhn(number);
  }

  private static boolean issuerUsesLength(CharSequence number, int length) {
    int two = (number.charAt(0) - '0') * 10 + (number.charAt(1) - '0');
    int four = two * 100 + (number.charAt(2) - '0') * 10 + (number.charAt(3) - '0');
    switch (number.charAt(0)) {
      case '2': // Mastercard 2-series
        return four >= 2221 && four <= 2720 && length == 16;
      case '3': // Amex 34/37, JCB 35, Diners 30/36/38/39
        if (two == 34 || two == 37) {
          return length == 15;
        }
        if (two == 35) {
          return length >= 16;
        }
        return (two == 30 || two == 36 || two == 38 || two == 39) && length >= 14;
      case '4': // Visa
        return length == 13 || length == 16 || length == 19;
      case '5': // Mastercard 51-55, Maestro 50/56-58
        if (two >= 51 && two <= 55) {
          return length == 16;
        }
        return two == 50 || (two >= 56 && two <= 58);
      case '6': // Discover, UnionPay, Maestro, RuPay
        return true;
      case '8': // UnionPay's 81 series
        return two == 81 && length >= 16;
      default:
        return false;
    }
  }

  static boolean passesLuhn(CharSequence number) {
    int sum = 0;
    boolean doubled = false;
    for (int i = number.length() - 1; i >= 0; i--) {
      int digit = number.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  private static boolean allSameDigit(CharSequence number) {
    for (int i = 1; i < number.length(); i++) {
      if (number.charAt(i) != number.charAt(0)) {
        return false;
      }
    }
    return true;
  }
}
