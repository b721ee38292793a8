package com.financereport.observability.redaction;

import java.util.Map;

/**
 * Whether a string is an IBAN: two-letter country code, two check digits, an alphanumeric BBAN,
 * and the ISO 13616 mod-97 check equal to 1. A SEPA country's IBAN must have that country's length
 * (the SWIFT IBAN registry); another country's any length from 15 to 34.
 */
final class IbanCheck {
  static final int MIN_LENGTH = 15;
  static final int MAX_LENGTH = 34;

  /** Every SEPA country (EU, EEA, and the others the EPC admits) and the length of its IBANs. */
  static final Map<String, Integer> SEPA_LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("BE", 16),
          Map.entry("BG", 22), Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24),
          Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24),
          Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
          Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22),
          Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20),
          Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24),
          Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MT", 31), Map.entry("NL", 18),
          Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24),
          Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
          Map.entry("VA", 22));

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
    Integer countryLength = SEPA_LENGTHS.get(iban.subSequence(0, 2).toString());
    if (countryLength != null && countryLength != length) {
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
