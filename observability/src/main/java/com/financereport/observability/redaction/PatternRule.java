package com.financereport.observability.redaction;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression whose matches are handed to a replacer. The replacer returns the text that
 * replaces the whole match, or null to keep it (a digit run that fails the Luhn check is no card).
 *
 * <p>A rule whose every match holds a run of so many digits (a mobile, an identity number), and
 * may start only where such a run starts or a few characters before (its look-behind forbids
 * starting inside a run), tries the expression only there: matching the whole text would try it at
 * every position.
 */
final class PatternRule implements TextRule {
  /** What a digit-run match may hold after its run: the X check character of an identity number. */
  private static final int CONTEXT_AFTER = 1;

  /**
   * Where the matches of a digit-run rule can be: at runs of {@code minDigits} or more whose first
   * digit is one of {@code firstDigits}, starting at most {@code maxPrefix} characters before the
   * run ("(+86) ").
   */
  record DigitRunShape(int minDigits, String firstDigits, int maxPrefix) {}

  private final String name;
  private final int triggers;
  private final String mustContain;
  private final DigitRunShape runs;
  private final Pattern pattern;
  private final Function<MatchResult, String> replacer;

  PatternRule(String name, int triggers, Pattern pattern, Function<MatchResult, String> replacer) {
    this(name, triggers, null, null, pattern, replacer);
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
    this(name, triggers, mustContain, null, pattern, replacer);
  }

  private PatternRule(
      String name,
      int triggers,
      String mustContain,
      DigitRunShape runs,
      Pattern pattern,
      Function<MatchResult, String> replacer) {
    this.name = name;
    this.triggers = triggers;
    this.mustContain = mustContain;
    this.runs = runs;
    this.pattern = pattern;
    this.replacer = replacer;
  }

  /** Every non-empty match becomes the label. */
  static PatternRule labelling(String name, int triggers, Pattern pattern, String label) {
    return new PatternRule(
        name, triggers, pattern, match -> match.end() > match.start() ? label : null);
  }

  /** A rule whose every match is at a digit run of this shape. */
  static PatternRule aroundDigitRuns(
      String name,
      int triggers,
      DigitRunShape runs,
      Pattern pattern,
      Function<MatchResult, String> replacer) {
    return new PatternRule(name, triggers, null, runs, pattern, replacer);
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
    return runs != null ? applyAtDigitRuns(text) : applyAnywhere(text);
  }

  private String applyAnywhere(String text) {
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
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** At most one match per run, starting at the run or up to maxPrefix characters before. */
  private String applyAtDigitRuns(String text) {
    int n = text.length();
    Matcher matcher = null;
    StringBuilder out = null;
    int copied = 0;
    int run = nextRun(text, 0);
    while (run >= 0) {
      int runEnd = DigitRuns.end(text, run);
      if (matcher == null) {
        // Transparent bounds: the look-behind and look-ahead still see around the region.
        matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      int regionEnd = Math.min(n, runEnd + CONTEXT_AFTER);
      int first = Math.max(copied, run - runs.maxPrefix());
      for (int start = first; start <= run; start++) {
        String replacement =
            matcher.region(start, regionEnd).lookingAt() ? replacer.apply(matcher) : null;
        if (replacement != null) {
          if (out == null) {
            out = new StringBuilder(n);
          }
          out.append(text, copied, matcher.start()).append(replacement);
          copied = matcher.end();
          break;
        }
      }
      run = nextRun(text, Math.max(runEnd, copied));
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  /** The start of the next run of the rule's shape at or after {@code from}, or -1. */
  private int nextRun(String text, int from) {
    int i = from;
    while (i < text.length()) {
      if (!DigitRuns.isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int end = DigitRuns.end(text, i);
      if (runs.firstDigits().indexOf(text.charAt(i)) >= 0
          && DigitRuns.digits(text, i, end) >= runs.minDigits()) {
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
