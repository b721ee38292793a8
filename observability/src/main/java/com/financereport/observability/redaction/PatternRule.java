package com.financereport.observability.redaction;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression whose matches are handed to a replacer. The replacer returns the text that
 * replaces the whole match, or null to keep it (a digit run that fails the Luhn check is no card).
 *
 * <p>A rule whose every match holds a run of so many digits (a mobile, an identity number) tries
 * the expression only around such runs: matching the whole text would try it at every position.
 */
final class PatternRule implements TextRule {
  /** What a digit-run match may hold before its run: "(+86) ". */
  private static final int CONTEXT_BEFORE = 6;

  /** What it may hold after its run: the X check character of an identity number. */
  private static final int CONTEXT_AFTER = 1;

  private final String name;
  private final int triggers;
  private final String mustContain;
  private final int minDigits;
  private final Pattern pattern;
  private final Function<MatchResult, String> replacer;

  PatternRule(String name, int triggers, Pattern pattern, Function<MatchResult, String> replacer) {
    this(name, triggers, null, 0, pattern, replacer);
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
    this(name, triggers, mustContain, 0, pattern, replacer);
  }

  private PatternRule(
      String name,
      int triggers,
      String mustContain,
      int minDigits,
      Pattern pattern,
      Function<MatchResult, String> replacer) {
    this.name = name;
    this.triggers = triggers;
    this.mustContain = mustContain;
    this.minDigits = minDigits;
    this.pattern = pattern;
    this.replacer = replacer;
  }

  /** Every non-empty match becomes the label. */
  static PatternRule labelling(String name, int triggers, Pattern pattern, String label) {
    return new PatternRule(
        name, triggers, pattern, match -> match.end() > match.start() ? label : null);
  }

  /** A rule whose every match holds a run of at least {@code minDigits} digits. */
  static PatternRule aroundDigitRuns(
      String name,
      int triggers,
      int minDigits,
      Pattern pattern,
      Function<MatchResult, String> replacer) {
    return new PatternRule(name, triggers, null, minDigits, pattern, replacer);
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
    int n = text.length();
    // Transparent bounds: within a region the look-behind and look-ahead still see around it.
    Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from < n) {
      int regionStart = 0;
      int regionEnd = n;
      if (minDigits > 0) {
        int run = nextRun(text, from);
        if (run < 0) {
          break;
        }
        int runEnd = DigitRuns.end(text, run);
        regionStart = Math.max(copied, run - CONTEXT_BEFORE);
        regionEnd = Math.min(n, runEnd + CONTEXT_AFTER);
        from = runEnd;
      } else {
        from = n;
      }
      matcher.region(regionStart, regionEnd);
      while (matcher.find()) {
        String replacement = replacer.apply(matcher);
        if (replacement == null) {
          continue;
        }
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(text, copied, matcher.start()).append(replacement);
        copied = matcher.end();
      }
      from = Math.max(from, copied);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  /** The start of the next run of at least {@code minDigits} digits at or after {@code from}. */
  private int nextRun(String text, int from) {
    int i = from;
    while (i < text.length()) {
      if (!DigitRuns.isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int end = DigitRuns.end(text, i);
      if (DigitRuns.digits(text, i, end) >= minDigits) {
        return i;
      }
      i = end;
    }
    return -1;
  }

  @Override
  public String toString() {
    return "PatternRule[" + pattern.pattern() + "]";
  }
}
