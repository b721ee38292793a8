package com.financereport.observability.redaction;

/**
 * Runs of digits joined by single spaces or dashes ({@code 6217 0001 2345 6789 019}, {@code
 * 138-1234-5678}), read the same way by the card, identity-number and mobile rules and by the
 * {@link TextTriggers} scan that decides whether they run (which counts a run's digits as it goes,
 * and asks here only where a long run began).
 */
final class DigitRuns {
  private DigitRuns() {}

  /** The index just after the run that starts with the digit at {@code start}. */
  static int end(String text, int start) {
    return end(text, start, null, 0);
  }

  /**
   * The same, appending the run's first {@code maxDigits} digits to {@code digits} (when not null)
   * on the way.
   */
  static int end(String text, int start, StringBuilder digits, int maxDigits) {
    int n = text.length();
    int end = start;
    while (end < n) {
      char c = text.charAt(end);
      if (isDigit(c)) {
        if (digits != null && digits.length() < maxDigits) {
          digits.append(c);
        }
        end++;
      } else if ((c == ' ' || c == '-') && end + 1 < n && isDigit(text.charAt(end + 1))) {
        end++;
      } else {
        break;
      }
    }
    return end;
  }

  /** Where the run that holds the digit at {@code i} begins. */
  static int start(String text, int i) {
    int start = i;
    while (start > 0 && (isDigit(text.charAt(start - 1)) || isSeparatorInRun(text, start - 1))) {
      start--;
    }
    return start;
  }

  /** A single space or dash right after a digit: part of the run when a digit follows. */
  private static boolean isSeparatorInRun(String text, int at) {
    char c = text.charAt(at);
    return (c == ' ' || c == '-') && at > 0 && isDigit(text.charAt(at - 1));
  }

  static int digits(String text, int start, int end) {
    int digits = 0;
    for (int i = start; i < end; i++) {
      if (isDigit(text.charAt(i))) {
        digits++;
      }
    }
    return digits;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
