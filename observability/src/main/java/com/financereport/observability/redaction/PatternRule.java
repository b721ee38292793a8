package com.financereport.observability.redaction;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression whose matches are handed to a replacer. The replacer returns the text that
 * replaces the whole match, or null to keep it (a digit run that fails the Luhn check is no card).
 */
final class PatternRule implements TextRule {
  private final String name;
  private final int triggers;
  private final String mustContain;
  private final Pattern pattern;
  private final Function<MatchResult, String> replacer;

  PatternRule(String name, int triggers, Pattern pattern, Function<MatchResult, String> replacer) {
    this(name, triggers, null, pattern, replacer);
  }

  /**
   * @param mustContain a literal every match contains; a text without it skips the expression,
   *     which is far cheaper than letting the matcher try every position
   */
  PatternRule(
      String name,
      int triggers,
      String mustContain,
      Pattern pattern,
      Function<MatchResult, String> replacer) {
    this.name = name;
    this.triggers = triggers;
    this.mustContain = mustContain;
    this.pattern = pattern;
    this.replacer = replacer;
  }

  /** Every non-empty match becomes the label. */
  static PatternRule labelling(String name, int triggers, Pattern pattern, String label) {
    return new PatternRule(
        name, triggers, pattern, match -> match.end() > match.start() ? label : null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int triggers() {
    return triggers;
  }

  @Override
  public String apply(String text) {
    if (mustContain != null && !text.contains(mustContain)) {
      return text;
    }
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (matcher.find()) {
      String replacement = replacer.apply(matcher);
      if (replacement == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, matcher.start()).append(replacement);
      copied = matcher.end();
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  @Override
  public String toString() {
    return "PatternRule[" + pattern.pattern() + "]";
  }
}
