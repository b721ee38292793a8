package com.financereport.observability.redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a key into lower-case words at separators, camelCase humps and letter/digit boundaries:
 * {@code x-api-key}, {@code API_KEY}, {@code apiKey} and {@code APIKey} all become {@code [api,
 * key]}, {@code oauth2Token} becomes {@code [oauth, 2, token]}.
 */
final class KeyWords {
  private KeyWords() {}

  static String[] split(String key) {
    List<String> words = new ArrayList<>(4);
    StringBuilder current = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(words, current);
        continue;
      }
      if (i > 0 && current.length() > 0 && startsNewWord(key, i)) {
        flush(words, current);
      }
      current.append(Character.toLowerCase(c));
    }
    flush(words, current);
    return words.toArray(new String[0]);
  }

  private static boolean startsNewWord(String key, int i) {
    char previous = key.charAt(i - 1);
    char c = key.charAt(i);
    if (Character.isDigit(c) != Character.isDigit(previous)) {
      return true;
    }
    if (!Character.isUpperCase(c)) {
      return false;
    }
    // "apiKey": a hump after a lower-case letter; "APIKey": the last capital before lower case.
    return Character.isLowerCase(previous)
        || (Character.isUpperCase(previous)
            && i + 1 < key.length()
            && Character.isLowerCase(key.charAt(i + 1)));
  }

  private static void flush(List<String> words, StringBuilder current) {
    if (current.length() > 0) {
      words.add(current.toString());
      current.setLength(0);
    }
  }
}
