package com.financereport.observability.redaction;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression tried only around runs of at least so many digits: a mobile or identity
 * number always holds one. Matching the whole text would try the expression at every position;
 * here it runs on a few characters per run. The replacer is that of {@link PatternRule}.
 */
final class DigitRunPatternRule implements TextRule {
  /** What a match may hold before its digit run: "(+86) ". */
  private static final int CONTEXT_BEFORE = 6;

  /** What a match may hold after it: the X check character of an identity number. */
  private static final int CONTEXT_AFTER = 1;

  private final String name;
  private final int triggers;
  private final int minDigits;
  private final Pattern pattern;
  private final Function<MatchResult, String> replacer;

  DigitRunPatternRule(
      String name,
      int triggers,
      int minDigits,
      Pattern pattern,
      Function<MatchResult, String> replacer) {
    this.name = name;
    this.triggers = triggers;
    this.minDigits = minDigits;
    this.pattern = pattern;
    this.replacer = replacer;
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
    int n = text.length();
    Matcher matcher = null;
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      if (!DigitRuns.isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int end = DigitRuns.end(text, i);
      if (DigitRuns.digits(text, i, end) >= minDigits) {
        if (matcher == null) {
          // Transparent bounds: the look-behind and look-ahead still see the text around.
          matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        matcher.region(Math.max(copied, i - CONTEXT_BEFORE), Math.min(n, end + CONTEXT_AFTER));
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
      }
      i = Math.max(end, copied);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  @Override
  public String toString() {
    return "DigitRunPatternRule[" + pattern.pattern() + "]";
  }
}
