package com.financereport.observability.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a key names a secret, word-aware (the rule is documented on {@link Redactor}).
 * Verdicts are cached per key in a bounded map: a service logs the same few hundred keys over and
 * over, so the word analysis runs once per distinct key.
 */
final class SecretKeyMatcher {
  /** Enough for every key a service logs; a flood of distinct keys just restarts the cache. */
  static final int CACHE_LIMIT = 4096;

  /** May be glued to a preceding word in one lower-case word: dbpassword, csrftoken, xapikey. */
  static final List<String> STRONG_TERMS =
      List.of(
          "password",
          "passwords",
          "passwd",
          "passphrase",
          "secret",
          "secrets",
          "token",
          "tokens",
          "credential",
          "credentials",
          "api key",
          "api keys",
          "private key",
          "set cookie");

  /** Too short or too common to be found inside another word: must stand as whole words. */
  static final List<String> WHOLE_WORD_TERMS =
      List.of(
          "authorization",
          "auth",
          "cookie",
          "cookies",
          "pwd",
          "session",
          "jsessionid",
          "phpsessid",
          "creds",
          "jwt",
          "access key",
          "pin",
          "cvv",
          "cvc",
          "otp",
          "totp",
          "hotp",
          "verification code",
          "sms code",
          "captcha",
          "security code",
          "signature",
          "sig",
          "ingestion key");

  /**
   * Words that may follow a term and still describe the secret itself (session_id, token_value).
   */
  static final Set<String> QUALIFIERS =
      Set.of(
          "id",
          "ids",
          "value",
          "values",
          "hash",
          "hashed",
          "key",
          "keys",
          "string",
          "str",
          "header",
          "data",
          "b64",
          "base64",
          "hex",
          "raw",
          "plain",
          "plaintext",
          "text",
          "encoded",
          "enc",
          "encrypted",
          "confirm",
          "confirmation",
          "old",
          "new",
          "current",
          "code");

  /** Before a plural term they make a metric: max_tokens, total_tokens, num_api_keys. */
  static final Set<String> COUNT_WORDS = Set.of("max", "min", "num", "number", "total", "count");

  /** Slots of the direct-mapped cache for keys found inside text; a power of two. */
  static final int REGION_SLOTS = 512;

  private final List<Term> terms;
  private final ConcurrentHashMap<String, Boolean> verdicts = new ConcurrentHashMap<>();

  /**
   * Keys met inside text ("user=bob"), looked up without cutting them out of the text. Racy on
   * purpose: a slot holds an immutable entry, so a reader sees null, an old entry or a new one,
   * and every one of them gives a correct verdict for the key it names.
   */
  private final RegionVerdict[] regionVerdicts = new RegionVerdict[REGION_SLOTS];

  SecretKeyMatcher(List<String> extraKeys) {
    List<Term> all = new ArrayList<>();
    STRONG_TERMS.forEach(t -> all.add(Term.of(KeyWords.split(t), true)));
    WHOLE_WORD_TERMS.forEach(t -> all.add(Term.of(KeyWords.split(t), false)));
    for (String extra : extraKeys) {
      String[] words = KeyWords.split(extra);
      if (words.length > 0) {
        all.add(Term.of(words, false));
      }
    }
    this.terms = List.copyOf(all);
  }

  boolean isSecret(String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    Boolean verdict = verdicts.get(key);
    if (verdict == null) {
      verdict = matches(KeyWords.split(key));
      if (verdicts.size() >= CACHE_LIMIT) {
        verdicts.clear();
      }
      verdicts.put(key, verdict);
    }
    return verdict;
  }

  /** Whether {@code text[start, end)} names a secret; allocates nothing for a key seen before. */
  boolean isSecret(String text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int slot = (hash ^ (hash >>> 16)) & (REGION_SLOTS - 1);
    int length = end - start;
    RegionVerdict cached = regionVerdicts[slot];
    if (cached != null
        && cached.key.length() == length
        && cached.key.regionMatches(0, text, start, length)) {
      return cached.secret;
    }
    String key = text.substring(start, end);
    boolean secret = isSecret(key);
    regionVerdicts[slot] = new RegionVerdict(key, secret);
    return secret;
  }

  int cachedVerdicts() {
    return verdicts.size();
  }

  private boolean matches(String[] words) {
    // Try the term at the very end, then before each trailing qualifier: token, token_id,
    // token_id_hash.
    for (int end = words.length; end > 0; end--) {
      if (endsWithTerm(words, end)) {
        return true;
      }
      if (!isQualifier(words[end - 1])) {
        return false;
      }
    }
    return false;
  }

  private boolean endsWithTerm(String[] words, int end) {
    String last = words[end - 1];
    for (Term term : terms) {
      int start = end - term.words.length;
      if (start >= 0 && regionEquals(words, start, term.words)) {
        return !isMetric(words, start, term);
      }
      if (term.matchesOneWord(last) || matchesWithGluedQualifier(term, last)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMetric(String[] words, int termStart, Term term) {
    String lastTermWord = term.words[term.words.length - 1];
    return lastTermWord.endsWith("s")
        && termStart > 0
        && COUNT_WORDS.contains(words[termStart - 1]);
  }

  /** "sessionid" is "session" + "id" written as one word. */
  private static boolean matchesWithGluedQualifier(Term term, String word) {
    for (String qualifier : QUALIFIERS) {
      if (word.length() > qualifier.length()
          && word.endsWith(qualifier)
          && term.matchesOneWord(word.substring(0, word.length() - qualifier.length()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isQualifier(String word) {
    return QUALIFIERS.contains(word) || isAllDigits(word);
  }

  private static boolean isAllDigits(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isDigit(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean regionEquals(String[] words, int start, String[] run) {
    for (int j = 0; j < run.length; j++) {
      if (!words[start + j].equals(run[j])) {
        return false;
      }
    }
    return true;
  }

  private record RegionVerdict(String key, boolean secret) {}

  /** A secret name as words, and as the one word it becomes when written without separators. */
  private record Term(String[] words, String joined, boolean mayBeGlued) {
    static Term of(String[] words, boolean mayBeGlued) {
      return new Term(words, String.join("", words), mayBeGlued);
    }

    boolean matchesOneWord(String word) {
      return word.equals(joined) || (mayBeGlued && word.endsWith(joined));
    }
  }
}
