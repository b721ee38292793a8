package com.financereport.observability.redaction;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The corpus's own judge of whether a secret it lists is a valid one of its kind: the checksums
 * and lengths are computed here, independently of the production checks, so that a corpus row
 * cannot pass by feeding the redactor something its rule was written around.
 */
final class SecretSyntax {
  /** SEPA countries and their IBAN lengths, from the SWIFT IBAN registry. */
  private static final Map<String, Integer> IBAN_LENGTHS =
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

  /** Provider keys by prefix, with the length and alphabet their issuers publish. */
  private static final Map<String, Pattern> PROVIDER_KEYS =
      Map.ofEntries(
          Map.entry("ghp_", Pattern.compile("ghp_[A-Za-z0-9]{36}")),
          Map.entry("gho_", Pattern.compile("gho_[A-Za-z0-9]{36}")),
          Map.entry("ghs_", Pattern.compile("ghs_[A-Za-z0-9]{36}")),
          Map.entry("ghu_", Pattern.compile("ghu_[A-Za-z0-9]{36}")),
          Map.entry("ghr_", Pattern.compile("ghr_[A-Za-z0-9]{36}")),
          Map.entry("github_pat_", Pattern.compile("github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}")),
          Map.entry("glpat-", Pattern.compile("glpat-[A-Za-z0-9_-]{20}")),
          Map.entry("xoxb-", Pattern.compile("xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}")),
          Map.entry("xoxp-", Pattern.compile("xoxp-(?:[0-9]{10,13}-){3}[a-f0-9]{32}")),
          Map.entry("xapp-", Pattern.compile("xapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-f0-9]{64}")),
          Map.entry("sk_live_", Pattern.compile("sk_live_[A-Za-z0-9]{24,99}")),
          Map.entry("rk_live_", Pattern.compile("rk_live_[A-Za-z0-9]{24,99}")),
          Map.entry("sk-ant-", Pattern.compile("sk-ant-api03-[A-Za-z0-9_-]{93}AA")),
          Map.entry(
              "sk-proj-", Pattern.compile("sk-proj-[A-Za-z0-9_-]{58}T3BlbkFJ[A-Za-z0-9_-]{58}")),
          Map.entry("sk-", Pattern.compile("sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}")),
          Map.entry("npm_", Pattern.compile("npm_[A-Za-z0-9]{36}")),
          Map.entry("SG.", Pattern.compile("SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}")),
          Map.entry("SK", Pattern.compile("SK[0-9a-f]{32}")),
          Map.entry("AC", Pattern.compile("AC[0-9a-f]{32}")),
          Map.entry("AKIA", Pattern.compile("AKIA[A-Z0-9]{16}")),
          Map.entry("ASIA", Pattern.compile("ASIA[A-Z0-9]{16}")),
          Map.entry("AKID", Pattern.compile("AKID[A-Za-z0-9]{32}")),
          Map.entry("LTAI", Pattern.compile("LTAI[A-Za-z0-9]{20}")),
          Map.entry("AIza", Pattern.compile("AIza[A-Za-z0-9_-]{35}")));

  /** key id / date / region / service / aws4_request, with '/' written %2F in a URL. */
  private static final Pattern SIGV4_CREDENTIAL =
      Pattern.compile("AKIA[A-Z0-9]{16}(/|%2F)[0-9]{8}\\1[a-z0-9-]+\\1[a-z0-9-]+\\1aws4_request");

  private SecretSyntax() {}

  /** Why {@code text} is not a valid secret for {@code label}, or null when it is. */
  static String problem(String label, String text) {
    switch (label) {
      case "[CARD]":
        return card(digitsOnly(text));
      case "[IBAN]":
        return iban(text.replace(" ", ""));
      case "[PHONE]":
        return phone(text);
      case "[ID_NUMBER]":
        return identityNumber(text.replace(" ", "").replace("-", ""));
      case "[EMAIL]":
        return text.matches("[^@\\s]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")
            ? null
            : "no e-mail address";
      case "[REDACTED]":
        return credential(text);
      default:
        return "unknown label " + label;
    }
  }

  private static String credential(String text) {
    if (text.endsWith("aws4_request")) {
      return SIGV4_CREDENTIAL.matcher(text).matches() ? null : "no SigV4 credential scope";
    }
    String longest = null;
    for (String prefix : PROVIDER_KEYS.keySet()) {
      if (text.startsWith(prefix) && (longest == null || prefix.length() > longest.length())) {
        longest = prefix;
      }
    }
    if (longest != null && !PROVIDER_KEYS.get(longest).matcher(text).matches()) {
      return "not the published shape of a " + longest + " key";
    }
    if (text.startsWith("eyJ") && text.split("\\.", -1).length < 3) {
      return "a JWT has three parts";
    }
    return null; // an opaque value under a secret key: any text is valid
  }

  private static String card(String digits) {
    if (digits.length() < 13 || digits.length() > 19) {
      return "a card number has 13 to 19 digits";
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      sum += i % 2 == 1 ? (digit * 2) / 10 + (digit * 2) % 10 : digit;
    }
    return sum % 10 == 0 ? null : "fails Luhn";
  }

  private static String iban(String iban) {
    Integer length = IBAN_LENGTHS.get(iban.substring(0, 2));
    if (length == null) {
      return iban.length() >= 15 && iban.length() <= 34 ? mod97(iban) : "bad IBAN length";
    }
    return iban.length() == length ? mod97(iban) : iban.substring(0, 2) + " IBANs have " + length;
  }

  private static String mod97(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder number = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      number.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    BigInteger remainder = new BigInteger(number.toString()).mod(BigInteger.valueOf(97));
    return remainder.intValue() == 1 ? null : "fails mod-97";
  }

  private static String phone(String text) {
    String digits = digitsOnly(text);
    if (text.startsWith("+86") || text.startsWith("(+86)") || text.startsWith("0086")) {
      digits = digits.substring(digits.indexOf("86") + 2);
    } else if (text.startsWith("+")) {
      return digits.length() >= 8 && digits.length() <= 15 ? null : "E.164 has 8 to 15 digits";
    } else if (digits.length() == 13 && digits.startsWith("86")) {
      digits = digits.substring(2);
    }
    return digits.matches("1[3-9][0-9]{9}") ? null : "no mainland China mobile number";
  }

  private static String identityNumber(String id) {
    if (id.length() == 18 && id.startsWith("92") && !id.matches("[0-9]{17}[0-9X]")) {
      return creditCode(id);
    }
    if (id.length() == 18) {
      return chinaId18(id.toUpperCase(java.util.Locale.ROOT));
    }
    if (id.length() == 15) {
      return date(1900 + Integer.parseInt(id.substring(6, 8)), id.substring(8, 12));
    }
    if (id.length() == 9) {
      return spanishId(id);
    }
    if (id.length() == 16) {
      return italianTaxCode(id);
    }
    return "no identity number of a known length";
  }

  private static String chinaId18(String id) {
    int[] weights = new int[17];
    for (int i = 0; i < 17; i++) {
      weights[i] = (1 << (17 - i)) % 11; // 2^(i-1) mod 11, counted from the check position
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * weights[i];
    }
    int check = (12 - sum % 11) % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    if (id.charAt(17) != expected) {
      return "fails ISO 7064 MOD 11-2";
    }
    return date(Integer.parseInt(id.substring(6, 10)), id.substring(10, 14));
  }

  private static String date(int year, String monthDay) {
    try {
      int month = Integer.parseInt(monthDay.substring(0, 2));
      LocalDate.of(year, month, Integer.parseInt(monthDay.substring(2)));
      return null;
    } catch (DateTimeException e) {
      return "no birth date";
    }
  }

  private static String creditCode(String code) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += alphabet.indexOf(code.charAt(i)) * (int) (Math.pow(3, i) % 31);
    }
    return alphabet.charAt((31 - sum % 31) % 31) == code.charAt(17) ? null : "fails GB 32100";
  }

  private static String spanishId(String id) {
    String number = id.substring(0, 8).replace('X', '0').replace('Y', '1').replace('Z', '2');
    char letter = "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(number) % 23);
    return letter == id.charAt(8) ? null : "wrong DNI/NIE letter";
  }

  private static String italianTaxCode(String code) {
    String oddValues = "BAKPLCQDREVOSFTGUHMINJWZYX"; // the letter worth 0, 1, 2 … at odd places
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = code.charAt(i);
      int index = Character.isDigit(c) ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? oddValues.indexOf((char) ('A' + index)) : index;
    }
    return code.charAt(15) == (char) ('A' + sum % 26) ? null : "wrong codice fiscale check";
  }

  private static String digitsOnly(String text) {
    return text.replaceAll("[^0-9]", "");
  }
}
