package com.financereport.observability.redaction;

/**
 * Whether a string is a personal identity number whose check character (and, where it has one,
 * embedded birth date) is valid. Only numbers with such a check are redacted by shape: without it
 * an order number of the same length would be taken for an identity.
 */
final class IdentityNumberCheck {
  /** ISO 7064 MOD 11-2 weights of the first 17 characters of a resident identity number. */
  private static final int[] CHINA_ID_WEIGHTS = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
  };

  private static final String CHINA_ID_CHECK = "10X98765432";

  /**
   * The first two digits of the province-level divisions that issue resident identity cards and
   * residence permits (81-83: Hong Kong, Macao, Taiwan).
   */
  private static final boolean[] CHINA_PROVINCES =
      flags(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50,
          51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);

  /** GB 32100-2015: the 31 characters of a unified social credit code, in value order. */
  private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  /** Italian codice fiscale: what a character at an odd (1st, 3rd …) position is worth. */
  private static final int[] TAX_CODE_ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  private IdentityNumberCheck() {}

  /**
   * A mainland China resident identity number: 18 characters with a province code, a real birth
   * date from 1900 on and the MOD 11-2 check character (digit or X); or the older 15 digits with a
   * province code and a real birth date (they carry no check digit). Spaces are not allowed here.
   */
  static boolean isChinaResidentId(CharSequence id) {
    int length = id.length();
    if (length == 18) {
      for (int i = 0; i < 17; i++) {
        if (!isDigit(id.charAt(i))) {
          return false;
        }
      }
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        sum += (id.charAt(i) - '0') * CHINA_ID_WEIGHTS[i];
      }
      char check = Character.toUpperCase(id.charAt(17));
      return check == CHINA_ID_CHECK.charAt(sum % 11)
          && isChinaProvince(id)
          && isDate(number(id, 6, 10), number(id, 10, 12), number(id, 12, 14), 1900);
    }
    if (length == 15) {
      for (int i = 0; i < 15; i++) {
        if (!isDigit(id.charAt(i))) {
          return false;
        }
      }
      return isChinaProvince(id)
          && isDate(1900 + number(id, 6, 8), number(id, 8, 10), number(id, 10, 12), 1900);
    }
    return false;
  }

  /**
   * A unified social credit code (GB 32100-2015) of registration type "92", individual industrial
   * and commercial households: the code that names one person's business. Company codes are public
   * registry data that invoices carry, and stay.
   */
  static boolean isSoleTraderCreditCode(CharSequence code) {
    if (code.length() != 18 || code.charAt(0) != '9' || code.charAt(1) != '2') {
      return false;
    }
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      int value = CREDIT_CODE_CHARS.indexOf(code.charAt(i));
      if (value < 0) {
        return false;
      }
      sum += value * weight;
      weight = weight * 3 % 31;
    }
    int check = (31 - sum % 31) % 31;
    return code.charAt(17) == CREDIT_CODE_CHARS.charAt(check);
  }

  /**
   * A Spanish DNI (8 digits and a letter) or NIE (X, Y or Z, 7 digits and a letter), the letter
   * being the number mod 23 in the official table.
   */
  static boolean isSpanishId(CharSequence id) {
    if (id.length() != 9) {
      return false;
    }
    int prefix = "XYZ".indexOf(id.charAt(0));
    long number = Math.max(prefix, 0);
    for (int i = prefix >= 0 ? 1 : 0; i < 8; i++) {
      if (!isDigit(id.charAt(i))) {
        return false;
      }
      number = number * 10 + (id.charAt(i) - '0');
    }
    return DNI_LETTERS.charAt((int) (number % 23)) == id.charAt(8);
  }

  /**
   * An Italian codice fiscale of 16 characters (six letters, birth year, month letter, day, place
   * code) whose last letter is the check character. Codes with digits replaced by letters (the rare
   * "omocodia" variants) are not recognised.
   */
  static boolean isItalianTaxCode(CharSequence code) {
    if (code.length() != 16) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = code.charAt(i);
      int index = isDigit(c) ? c - '0' : c - 'A';
      if (index < 0 || index >= 26) {
        return false;
      }
      // Positions count from 1: index 0 is the first, odd, position.
      sum += i % 2 == 0 ? TAX_CODE_ODD[index] : index;
    }
    int day = number(code, 9, 11);
    boolean validDay = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
    return validDay && code.charAt(15) == (char) ('A' + sum % 26);
  }

  private static boolean isChinaProvince(CharSequence id) {
    return CHINA_PROVINCES[number(id, 0, 2)];
  }

  private static boolean[] flags(int... codes) {
    boolean[] set = new boolean[100];
    for (int code : codes) {
      set[code] = true;
    }
    return set;
  }

  private static boolean isDate(int year, int month, int day, int firstYear) {
    if (year < firstYear || year > 2099 || month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  private static int number(CharSequence text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
