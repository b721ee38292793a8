package com.financereport.observability.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place secrets and PII are removed, shared by every output (stdout JSON, console, OTLP).
 * Immutable and thread-safe.
 *
 * <p>By key: a value whose key names a secret (password, token, api key, authorization ...) is
 * replaced whole by {@value #REDACTED}. Keys are split into words (camelCase, snake_case,
 * kebab-case), so {@code apiKey}, {@code API_KEY} and {@code x-api-key} match while {@code
 * tokenizer} and {@code passenger_count} do not.
 *
 * <p>By shape, anywhere in text: credentials are replaced by {@value #REDACTED}, PII by a typed
 * label such as {@code [EMAIL]}.
 */
public final class Redactor {
  public static final String REDACTED = "[REDACTED]";

  private static final int KEY_CACHE_LIMIT = 4096;

  private final List<String[]> secretKeyWords;
  private final List<TextRule> rules;
  private final ConcurrentHashMap<String, Boolean> keyVerdicts = new ConcurrentHashMap<>();

  private Redactor(List<String[]> secretKeyWords, List<TextRule> rules) {
    this.secretKeyWords = List.copyOf(secretKeyWords);
    this.rules = List.copyOf(rules);
  }

  /** The default rules only. */
  public static Redactor defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether a value stored under this key must be replaced whole. */
  public boolean isSecretKey(String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    Boolean verdict = keyVerdicts.get(key);
    if (verdict == null) {
      verdict = matchesSecretKey(KeyWords.split(key));
      if (keyVerdicts.size() < KEY_CACHE_LIMIT) {
        keyVerdicts.put(key, verdict);
      }
    }
    return verdict;
  }

  /**
   * The text with every secret and PII shape replaced. Returns the same instance when nothing
   * matched, so the common case allocates nothing.
   */
  public String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (TextRule rule : rules) {
      result = rule.apply(result);
    }
    return result;
  }

  private boolean matchesSecretKey(String[] words) {
    for (String[] secret : secretKeyWords) {
      if (containsRun(words, secret)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsRun(String[] words, String[] run) {
    outer:
    for (int i = 0; i + run.length <= words.length; i++) {
      for (int j = 0; j < run.length; j++) {
        if (!words[i + j].equals(run[j])) {
          continue outer;
        }
      }
      return true;
    }
    // "apikey" written as one word matches "api key".
    String joined = String.join("", run);
    for (String word : words) {
      if (word.equals(joined)) {
        return true;
      }
    }
    return false;
  }

  /** A shape found in text and what replaces it. */
  private record TextRule(String trigger, Pattern pattern, String replacement) {
    String apply(String text) {
      if (trigger != null && !containsIgnoreCase(text, trigger)) {
        return text;
      }
      Matcher m = pattern.matcher(text);
      if (!m.find()) {
        return text;
      }
      return m.replaceAll(replacement);
    }
  }

  static boolean containsIgnoreCase(String text, String needle) {
    int n = needle.length();
    for (int i = 0; i + n <= text.length(); i++) {
      if (text.regionMatches(true, i, needle, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /** Adds keys and patterns to the defaults; the defaults always apply. */
  public static final class Builder {
    private final List<String[]> keys = new ArrayList<>();
    private final List<TextRule> rules = new ArrayList<>();

    private Builder() {
      for (String key : DefaultRules.SECRET_KEYS) {
        keys.add(KeyWords.split(key));
      }
      rules.addAll(DefaultRules.textRules());
    }

    /** A key name; matched word-aware like the defaults. */
    public Builder secretKey(String key) {
      String[] words = KeyWords.split(key);
      if (words.length > 0) {
        keys.add(words);
      }
      return this;
    }

    /** A regular expression; every match becomes {@value #REDACTED}. */
    public Builder secretPattern(Pattern pattern) {
      rules.add(new TextRule(null, pattern, REDACTED));
      return this;
    }

    public Redactor build() {
      return new Redactor(keys, rules);
    }
  }

  /** The built-in rules. */
  static final class DefaultRules {
    static final List<String> SECRET_KEYS =
        List.of(
            "authorization",
            "cookie",
            "password",
            "passwd",
            "pwd",
            "secret",
            "token",
            "api key",
            "apikey",
            "private key",
            "session",
            "credential",
            "credentials");

    static List<TextRule> textRules() {
      List<TextRule> list = new ArrayList<>();
      list.add(
          new TextRule(
              "bearer",
              Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]{8,}"),
              "$1 " + REDACTED));
      list.add(
          new TextRule(
              "@",
              Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
              "[EMAIL]"));
      return list;
    }
  }

  /** Splits a key into lower-case words at separators and camelCase boundaries. */
  static final class KeyWords {
    static String[] split(String key) {
      List<String> words = new ArrayList<>(4);
      StringBuilder current = new StringBuilder();
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        if (!Character.isLetterOrDigit(c)) {
          flush(words, current);
          continue;
        }
        if (Character.isUpperCase(c)
            && current.length() > 0
            && (Character.isLowerCase(key.charAt(i - 1))
                || (i + 1 < key.length() && Character.isLowerCase(key.charAt(i + 1))))) {
          flush(words, current);
        }
        current.append(Character.toLowerCase(c));
      }
      flush(words, current);
      return words.toArray(new String[0]);
    }

    private static void flush(List<String> words, StringBuilder current) {
      if (current.length() > 0) {
        words.add(current.toString().toLowerCase(Locale.ROOT));
        current.setLength(0);
      }
    }
  }
}
