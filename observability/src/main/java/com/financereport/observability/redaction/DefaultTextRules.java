package com.financereport.observability.redaction;

import static com.financereport.observability.redaction.Redactor.IBAN;
import static com.financereport.observability.redaction.Redactor.ID_NUMBER;
import static com.financereport.observability.redaction.Redactor.PHONE;
import static com.financereport.observability.redaction.Redactor.REDACTED;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The built-in shape rules, in the order they run. Order matters: whole blocks and tokens go first
 * so later rules never see their insides; URL credentials go before e-mail so that {@code
 * user:pass@host} is not read as an address; IBANs go before cards and phones, whose digit runs
 * they contain.
 *
 * <p>Every expression starts with a look-behind that only lets a match begin at the start of its
 * shape, and repeats groups only a bounded number of times: matching stays linear and shallow on
 * hostile input (a megabyte of digits or letters).
 */
final class DefaultTextRules {
  private static final Pattern JWT =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}(?:\\.[A-Za-z0-9_-]*){1,3}");

  /** scheme://user:password@host; the password may itself hold an unencoded '@'. */
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile(
          "(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,31}://[^\\s:/?#@]{0,256}:)([^\\s/?#]+)@");

  /** RFC 7235 token68: '=' only as trailing padding, so "Bearer expires_in=3600" is no token. */
  private static final Pattern AUTH_SCHEME_CREDENTIAL =
      Pattern.compile(
          "(?i)(?<![A-Za-z0-9_-])(bearer|basic)([ \\t]+)"
              + "([A-Za-z0-9._~+/-]+=*)(?![A-Za-z0-9._~+/=-])");

  private static final Pattern CLOUD_ACCESS_KEY_ID =
      Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])");

  private static final Pattern VAULT_TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_.-])(?:hv[sbr]\\.[A-Za-z0-9_-]{20,}|s\\.[A-Za-z0-9]{24})(?![A-Za-z0-9_-])");

  /**
   * Provider keys by their published prefixes and lengths: GitHub, GitLab, Slack, Stripe,
   * Anthropic, OpenAI, npm, SendGrid, Twilio, Tencent Cloud, Alibaba Cloud, Google.
   */
  private static final Pattern VENDOR_TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}"
              + "|glpat-[A-Za-z0-9_.-]{20,}"
              + "|xox[abeoprs]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,}"
              + "|[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,}"
              + "|sk-ant-[a-z]{3,6}[0-9]{2}-[A-Za-z0-9_-]{80,}"
              + "|sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}"
              + "|npm_[A-Za-z0-9]{36}"
              + "|SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"
              + "|(?:SK|AC)[0-9a-f]{32}"
              + "|AKID[A-Za-z0-9]{32}"
              + "|LTAI[A-Za-z0-9]{12,20}"
              + "|AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9])");

  /**
   * Mainland China mobiles: 1[3-9] and 9 digits, as 3-4-4 groups or whole, +86/0086/86 first. A
   * digit group just before ("5 138…") makes it part of another number.
   */
  private static final Pattern CHINA_MOBILE =
      Pattern.compile(
          "(?<![0-9A-Za-z_+.])(?<![0-9][ -])(?:\\(?(?:\\+|00)86\\)?[ -]?|86[ -]?)?"
              + "1[3-9][0-9](?:[0-9]{8}|[ -][0-9]{4}[ -][0-9]{4})(?![0-9A-Za-z_]|[.,][0-9])");

  /**
   * 18 characters (spaces or dashes allowed after the region and the birth date), or 15; not glued
   * to a digit group before it.
   */
  private static final Pattern CHINA_RESIDENT_ID =
      Pattern.compile(
          "(?<![0-9A-Za-z_+.])(?<![0-9][ -])"
              + "(?:[1-9][0-9]{5}[ -]?[0-9]{8}[ -]?[0-9]{3}[0-9Xx]|[1-9][0-9]{14})"
              + "(?![0-9A-Za-z_]|[.,][0-9])");

  /** "92", a division code and ten code characters; no digit group may run into it. */
  private static final Pattern SOLE_TRADER_CREDIT_CODE =
      Pattern.compile(
          "(?<![0-9A-Za-z_])(?<![0-9][ -])92[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z_])");

  private static final Pattern SPANISH_ID =
      Pattern.compile("(?<![0-9A-Za-z_])(?:[0-9]{8}|[XYZ][0-9]{7})-?[A-Z](?![0-9A-Za-z_])");

  private static final Pattern ITALIAN_TAX_CODE =
      Pattern.compile(
          "(?<![0-9A-Za-z_])[A-Z]{6}[0-9]{2}[ABCDEHLMPRST][0-9]{2}[A-Z][0-9]{3}[A-Z]"
              + "(?![0-9A-Za-z_])");

  /** Compact, or in groups of four as printed on statements. */
  private static final Pattern IBAN_SHAPE =
      Pattern.compile(
          "(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}"
              + "(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Za-z0-9])");

  /** '+', country code and 8-15 digits in all, with spaces, dashes and parentheses. */
  private static final Pattern INTERNATIONAL_PHONE =
      Pattern.compile(
          "(?<![A-Za-z0-9_+])\\+\\(?[0-9](?:[ ()-]{0,2}[0-9]){7,14}(?![0-9]|[.,][0-9])");

  /** Bearer tokens are opaque: long, or with a digit or symbol; "bearer instruments" is prose. */
  private static final int MIN_BEARER_TOKEN = 8;

  private static final int LONG_BEARER_TOKEN = 24;

  private DefaultTextRules() {}

  static List<TextRule> create(SecretKeyMatcher keys) {
    return List.of(
        new PrivateKeyBlockRule(),
        new PatternRule("jwt", TextTriggers.JWT, ".eyJ", JWT, match -> REDACTED),
        new PatternRule(
            "url-credentials",
            TextTriggers.AT_SIGN,
            "://",
            URL_CREDENTIALS,
            match -> match.group(1) + REDACTED + "@"),
        new PatternRule(
            "auth-scheme-credential",
            TextTriggers.AUTH_SCHEME,
            AUTH_SCHEME_CREDENTIAL,
            DefaultTextRules::authCredential),
        new KeyValueSecretRule(keys),
        PatternRule.labelling(
            "aws-access-key-id", TextTriggers.CLOUD_KEY, CLOUD_ACCESS_KEY_ID, REDACTED),
        PatternRule.labelling("vault-token", TextTriggers.VAULT_TOKEN, VAULT_TOKEN, REDACTED),
        PatternRule.labelling(
            "provider-api-key", TextTriggers.VENDOR_TOKEN, VENDOR_TOKEN, REDACTED),
        new EmailAddressRule(),
        new PatternRule(
            "iban", TextTriggers.COUNTRY_CHECK_DIGITS, IBAN_SHAPE, DefaultTextRules::iban),
        checked(
            "italian-tax-code",
            TextTriggers.TAX_CODE,
            ITALIAN_TAX_CODE,
            IdentityNumberCheck::isItalianTaxCode),
        checked(
            "sole-trader-credit-code",
            TextTriggers.SOLE_TRADER_CODE,
            SOLE_TRADER_CREDIT_CODE,
            IdentityNumberCheck::isSoleTraderCreditCode),
        // Before cards: an identity number of a western province (62…) may also pass Luhn.
        PatternRule.aroundDigitRuns(
            "china-resident-id",
            TextTriggers.ID_DIGIT_RUN,
            new PatternRule.DigitRunShape(15, "123456789", 0),
            CHINA_RESIDENT_ID,
            checkedIdNumber(IdentityNumberCheck::isChinaResidentId)),
        checked(
            "spanish-dni-nie",
            TextTriggers.DIGITS_THEN_LETTER,
            SPANISH_ID,
            IdentityNumberCheck::isSpanishId),
        new CardNumberRule(),
        PatternRule.aroundDigitRuns(
            "china-mobile",
            TextTriggers.MOBILE_DIGIT_RUN,
            // The number itself, 86… or 0086…, perhaps after "+" or "(+86) ".
            new PatternRule.DigitRunShape(11, "180", 6),
            CHINA_MOBILE,
            match -> PHONE),
        PatternRule.labelling(
            "international-phone", TextTriggers.PLUS_NUMBER, INTERNATIONAL_PHONE, PHONE));
  }

  /** An identity number shape whose check, on the match without separators, decides. */
  private static PatternRule checked(
      String name, int triggers, Pattern shape, Predicate<CharSequence> check) {
    return new PatternRule(name, triggers, shape, checkedIdNumber(check));
  }

  private static Function<MatchResult, String> checkedIdNumber(Predicate<CharSequence> check) {
    return match ->
        check.test(withoutSeparators(match.group(), match.group().length())) ? ID_NUMBER : null;
  }

  private static String authCredential(MatchResult match) {
    String credential = match.group(3);
    boolean basic = match.group(1).length() == "basic".length();
    boolean isCredential = basic ? isBasicCredential(credential) : isBearerToken(credential);
    return isCredential ? match.group(1) + match.group(2) + REDACTED : null;
  }

  private static boolean isBearerToken(String token) {
    if (token.length() >= LONG_BEARER_TOKEN) {
      return true;
    }
    if (token.length() < MIN_BEARER_TOKEN) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  /** Basic credentials are base64 of "user:password"; "Basic settings" decodes to noise. */
  private static boolean isBasicCredential(String token) {
    if (token.length() < 4) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String plain = new String(decoded, StandardCharsets.UTF_8);
    if (plain.indexOf(':') < 0) {
      return false;
    }
    for (int i = 0; i < plain.length(); i++) {
      if (Character.isISOControl(plain.charAt(i)) || plain.charAt(i) == '\uFFFD') {
        return false;
      }
    }
    return true;
  }

  /**
   * The shape may run on into a following group of four ("… 7034 PAID"): drop trailing groups until
   * the rest passes the check.
   */
  private static String iban(MatchResult match) {
    String candidate = match.group();
    int end = candidate.length();
    while (end > 0) {
      if (IbanCheck.isIban(withoutSeparators(candidate, end))) {
        return IBAN + candidate.substring(end);
      }
      end = candidate.lastIndexOf(' ', end - 1);
    }
    return null;
  }

  /** Spaces and dashes dropped; a Spanish DNI's "-" before its letter included. */
  private static StringBuilder withoutSeparators(String text, int end) {
    StringBuilder compact = new StringBuilder(end);
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '-') {
        compact.append(text.charAt(i));
      }
    }
    return compact;
  }
}
