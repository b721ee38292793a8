package com.financereport.observability.redaction;

/**
 * One cheap pass over a text that says which shape rules could possibly match, as a bit set. Most
 * log messages have none of the triggers, so the regular expressions never run and nothing is
 * allocated. A trigger is a necessary condition of its rule, never a sufficient one.
 */
final class TextTriggers {
  static final int NONE = 0;

  /** '@': e-mail addresses, credentials inside URLs. */
  static final int AT_SIGN = 1;

  /** '=' or ':': key=value and key: value secrets. */
  static final int ASSIGNMENT = 1 << 1;

  /** "bearer" or "basic", any case: Authorization header credentials. */
  static final int AUTH_SCHEME = 1 << 2;

  /** "eyJ": the base64 of '{"' that starts every JWT segment. */
  static final int JWT = 1 << 3;

  /** "-----BEGIN": a PEM block. */
  static final int PEM_BLOCK = 1 << 4;

  /** "AKIA" or "ASIA": AWS access key ids. */
  static final int CLOUD_KEY = 1 << 5;

  /** "hvs." "hvb." "hvr." or a word-initial "s.": Vault tokens. */
  static final int VAULT_TOKEN = 1 << 6;

  /** A vendor prefix such as "ghp_", "github_pat_", "xoxb-", "sk_live_". */
  static final int VENDOR_TOKEN = 1 << 7;

  /** At least 13 digits, single spaces or dashes between them allowed: card numbers. */
  static final int LONG_DIGIT_RUN = 1 << 8;

  /** '+' before a digit or '(': international phone numbers. */
  static final int PLUS_NUMBER = 1 << 9;

  /** Two capital letters then two digits: IBANs. */
  static final int COUNTRY_CHECK_DIGITS = 1 << 10;

  /**
   * At least 11 digits, single spaces or dashes between them allowed, the run starting with '1'
   * (the number), '8' (86…) or '0' (0086…): mainland China mobiles.
   */
  static final int MOBILE_DIGIT_RUN = 1 << 11;

  /** "92" then six digits starting a run: the unified social credit code of a sole trader. */
  static final int SOLE_TRADER_CODE = 1 << 12;

  /** Seven digits, perhaps a '-', then a capital letter: Spanish DNI/NIE numbers. */
  static final int DIGITS_THEN_LETTER = 1 << 13;

  /**
   * At least 15 digits, single spaces or dashes between them allowed, the first six together (the
   * region code): resident identity numbers.
   */
  static final int ID_DIGIT_RUN = 1 << 14;

  /** Six capital letters then two digits: Italian tax codes (codice fiscale). */
  static final int TAX_CODE = 1 << 15;

  /** The ASCII characters triggerAt looks at, as a bit set over 0-63 and 64-127. */
  private static final long NOTABLE_LOW = bits("=:+.-", 0);

  private static final long NOTABLE_HIGH = bits("@bBAJK_", 64);

  /** Card numbers have at least 13 digits. */
  private static final int CARD_MIN_DIGITS = 13;

  /** Mainland China mobile numbers have 11. */
  private static final int MOBILE_DIGITS = 11;

  /** Resident identity numbers have 15 or 18 (17 and a check character). */
  private static final int ID_MIN_DIGITS = 15;

  /** The length of "92" and the six-digit division code of a credit code. */
  private static final int SOLE_TRADER_PREFIX = 8;

  /** Spanish DNI numbers have 8 digits before the letter, NIE numbers 7. */
  private static final int DNI_MIN_DIGITS = 7;

  /**
   * The digit counts at which a trigger is decided: 2 (the check digits after "DE"), 8 ("92" and a
   * division code), 11 (a mobile), 13 (a card), 15 (an identity number).
   */
  private static final long COUNTS_THAT_MATTER =
      1L << 2 | 1L << SOLE_TRADER_PREFIX | 1L << MOBILE_DIGITS | 1L << CARD_MIN_DIGITS
          | 1L << ID_MIN_DIGITS;

  private TextTriggers() {}

  static int scan(String text) {
    int found = NONE;
    int digits = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c > 'b' && c <= 'z') {
        // Most of any message: lower-case letters, of which only 'b' matters. One cheap branch.
        digits = 0;
        continue;
      }
      if (c >= '0' && c <= '9') {
        // One shift and test per digit; the few counts that matter are looked at out of the loop.
        // Past 63 the shift wraps, which only costs a call that finds nothing.
        if ((COUNTS_THAT_MATTER >>> ++digits & 1L) != 0) {
          found |= digitTriggers(text, i, digits);
        }
        continue;
      }
      if (digits != 0) {
        if (digits >= DNI_MIN_DIGITS && isCapital(c)) {
          found |= hasDniDigitsBefore(text, i) ? DIGITS_THEN_LETTER : NONE;
        }
        // One space or dash between digit groups keeps the run going: 4111 1111 1111 1111.
        if (c != ' ' && c != '-' || !isDigit(text.charAt(i - 1))) {
          digits = 0;
        }
      }
      if (isNotable(c)) {
        found |= triggerAt(text, i, c);
      }
    }
    return found;
  }

  /** The run reaching {@code i} has just counted {@code digits}: which rules may match. */
  private static int digitTriggers(String text, int i, int digits) {
    switch (digits) {
      case 2:
        // "DE89": the capitals end any digit run, so the second digit after them counts 2.
        if (i >= 3
            && isDigit(text.charAt(i - 1))
            && isCapital(text.charAt(i - 2))
            && isCapital(text.charAt(i - 3))) {
          return COUNTRY_CHECK_DIGITS | (hasTaxCodeLettersBefore(text, i) ? TAX_CODE : NONE);
        }
        return NONE;
      case SOLE_TRADER_PREFIX:
        return text.charAt(i - 7) == '9' && text.charAt(i - 6) == '2' ? SOLE_TRADER_CODE : NONE;
      case MOBILE_DIGITS:
        char first = text.charAt(DigitRuns.start(text, i));
        return first == '1' || first == '8' || first == '0' ? MOBILE_DIGIT_RUN : NONE;
      case CARD_MIN_DIGITS:
        return LONG_DIGIT_RUN;
      case ID_MIN_DIGITS:
        return startsWithRegionCode(text, DigitRuns.start(text, i)) ? ID_DIGIT_RUN : NONE;
      default:
        return NONE;
    }
  }

  /** Four more capitals before the two that precede the digits ending at {@code i}. */
  private static boolean hasTaxCodeLettersBefore(String text, int i) {
    if (i < 7) {
      return false;
    }
    for (int k = i - 7; k < i - 3; k++) {
      if (!isCapital(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithRegionCode(String text, int start) {
    for (int k = start; k < start + 6; k++) {
      if (!isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Seven digits right before the capital at {@code i}, or before a '-' there: 12345678-Z. */
  private static boolean hasDniDigitsBefore(String text, int i) {
    int end = text.charAt(i - 1) == '-' ? i - 1 : i;
    if (end < DNI_MIN_DIGITS) {
      return false;
    }
    for (int k = end - DNI_MIN_DIGITS; k < end; k++) {
      if (!isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** The rarer, costlier look around a notable character, kept out of the scan loop. */
  private static int triggerAt(String text, int i, char c) {
    int n = text.length();
    switch (c) {
      case '@':
        return AT_SIGN;
      case '=':
      case ':':
        return ASSIGNMENT;
      case '+':
        return i + 1 < n && (isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '(')
            ? PLUS_NUMBER
            : NONE;
      case 'b':
      case 'B':
        return i + 4 < n && isAuthSchemeAfterB(text, i + 1) ? AUTH_SCHEME : NONE;
      case 'J':
        // Looked for at the rare 'J' rather than the common 'e'.
        return i >= 2 && text.charAt(i - 1) == 'y' && text.charAt(i - 2) == 'e' ? JWT : NONE;
      case 'A':
        return cloudKeyAt(text, i);
      case 'K':
        // Twilio API key sids: "SK" and hex.
        return i >= 1 && text.charAt(i - 1) == 'S' && isLowerHexAt(text, i + 1)
            ? VENDOR_TOKEN
            : NONE;
      case '.':
        if (i >= 2 && text.charAt(i - 1) == 'G' && text.charAt(i - 2) == 'S') {
          return VENDOR_TOKEN; // SendGrid "SG."
        }
        return isVaultPrefixBefore(text, i) ? VAULT_TOKEN : NONE;
      case '-':
        if (i + 1 < n && text.charAt(i + 1) == '-' && text.startsWith("----BEGIN", i + 1)) {
          return PEM_BLOCK;
        }
        return isVendorPrefixBefore(text, i) ? VENDOR_TOKEN : NONE;
      case '_':
        return isVendorPrefixBefore(text, i) ? VENDOR_TOKEN : NONE;
      default:
        return NONE;
    }
  }

  /**
   * At an 'A': AWS "AKIA"/"ASIA", Tencent "AKID", Alibaba "LTAI", Google "AIza", Twilio account
   * sids "AC" and hex.
   */
  private static int cloudKeyAt(String text, int i) {
    if (text.startsWith("KIA", i + 1) || text.startsWith("SIA", i + 1)) {
      return CLOUD_KEY;
    }
    if (text.startsWith("KID", i + 1)
        || text.startsWith("Iza", i + 1)
        || (i >= 2 && text.startsWith("I", i + 1) && text.startsWith("LT", i - 2))
        || (i + 1 < text.length() && text.charAt(i + 1) == 'C' && isLowerHexAt(text, i + 2))) {
      return VENDOR_TOKEN;
    }
    return NONE;
  }

  /** Two lower-case hex characters at {@code from}, as Twilio sids continue. */
  private static boolean isLowerHexAt(String text, int from) {
    return from + 1 < text.length()
        && isLowerHex(text.charAt(from))
        && isLowerHex(text.charAt(from + 1));
  }

  private static boolean isLowerHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  /** "hvs." "hvb." "hvr." or "s." at the start of a word; {@code dot} is the index of the '.'. */
  private static boolean isVaultPrefixBefore(String text, int dot) {
    if (dot < 1
        || text.charAt(dot - 1) != 's'
            && text.charAt(dot - 1) != 'b'
            && text.charAt(dot - 1) != 'r') {
      return false;
    }
    if (dot >= 3 && text.startsWith("hv", dot - 3)) {
      return true;
    }
    return text.charAt(dot - 1) == 's' && (dot == 1 || !isWordChar(text.charAt(dot - 2)));
  }

  /**
   * ghp_ gho_ ghu_ ghs_ ghr_ github_pat_ glpat- xoxa- xoxb- xoxe- xoxo- xoxp- xoxr- xoxs- xapp-
   * sk_live_ rk_live_ …_test_ …_prod_ sk- (OpenAI, Anthropic) npm_.
   */
  private static boolean isVendorPrefixBefore(String text, int separator) {
    if (separator < 2) {
      return false;
    }
    // Told apart by the letter before the separator, so most separators cost one comparison.
    switch (text.charAt(separator - 1)) {
      case 'e':
        return text.startsWith("live", separator - 4) || text.startsWith("xox", separator - 4);
      case 't':
        return text.startsWith("pat", separator - 3) || text.startsWith("test", separator - 4);
      case 'd':
        return text.startsWith("prod", separator - 4);
      case 'k':
        // "sk-" opening a word, not "risk-" or "desk-".
        return text.charAt(separator - 2) == 's'
            && (separator == 2 || !Character.isLetter(text.charAt(separator - 3)));
      case 'm':
        return text.startsWith("npm", separator - 3);
      case 'o':
      case 'u':
        return text.startsWith("gh", separator - 3) || text.startsWith("xox", separator - 4);
      case 'p':
        return text.startsWith("gh", separator - 3)
            || text.startsWith("xox", separator - 4)
            || text.startsWith("xap", separator - 4);
      case 'r':
      case 's':
        return text.startsWith("gh", separator - 3) || text.startsWith("xox", separator - 4);
      case 'a':
      case 'b':
        return text.startsWith("xox", separator - 4);
      default:
        return false;
    }
  }

  /**
   * "earer" or "asic", any case, at {@code from}; the caller checked that four characters follow.
   * The first letter alone rejects nearly every other 'b' (hex ids, prose) before the slower
   * case-insensitive comparison.
   */
  private static boolean isAuthSchemeAfterB(String text, int from) {
    char next = (char) (text.charAt(from) | 0x20); // ASCII lower case; others never match
    if (next == 'e') {
      return text.regionMatches(true, from, "earer", 0, 5);
    }
    return next == 'a' && text.regionMatches(true, from, "asic", 0, 4);
  }

  private static boolean isNotable(char c) {
    if (c < 64) {
      return (NOTABLE_LOW & (1L << c)) != 0;
    }
    return c < 128 && (NOTABLE_HIGH & (1L << (c - 64))) != 0;
  }

  private static long bits(String chars, int offset) {
    long set = 0;
    for (int i = 0; i < chars.length(); i++) {
      set |= 1L << (chars.charAt(i) - offset);
    }
    return set;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
