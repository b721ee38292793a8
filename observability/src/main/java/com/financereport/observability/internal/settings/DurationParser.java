package com.financereport.observability.internal.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way this project reads a duration, in the library, the backend and the obs CLI: a number
 * with a unit ({@code 250ms}, {@code 1.5s}, {@code 10m}, {@code 2h}, {@code 7d}) or ISO-8601
 * ({@code PT10S}).
 *
 * <p>A bare number means milliseconds wherever it is accepted, as the OpenTelemetry specification
 * defines for its variables. Where a bare number was once read as seconds (the backend's timeouts),
 * it is {@linkplain BareNumber#REJECTED rejected}, so {@code 30} can never quietly become 30 ms.
 * {@code 0} needs no unit.
 */
public final class DurationParser {
  /** What a number without a unit means. */
  public enum BareNumber {
    /** Milliseconds, as in the OTel specification's OTEL_BLRP_SCHEDULE_DELAY or OTEL_EXPORTER_OTLP_TIMEOUT. */
    MILLISECONDS,
    /** Refused: the value must carry its unit. */
    REJECTED
  }

  private static final Pattern SHAPE =
      Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?$", Pattern.CASE_INSENSITIVE);
  private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000);

  private DurationParser() {}

  /**
   * Reads {@code text} as the value of {@code name}.
   *
   * @param name the variable or option, named in the error
   * @param zeroAllowed whether 0 is a valid value (it means "off" where allowed)
   * @throws IllegalArgumentException with a message that names {@code name} and the accepted forms
   */
  public static Duration parse(String name, String text, BareNumber bare, boolean zeroAllowed) {
    String value = text == null ? "" : text.strip();
    Duration parsed = value.regionMatches(true, 0, "PT", 0, 2) ? iso(value) : withUnit(value, bare);
    if (parsed == null || parsed.isNegative() || (parsed.isZero() && !zeroAllowed)) {
      throw new IllegalArgumentException(name + " " + expected(bare, zeroAllowed) + " (got \"" + value + "\")");
    }
    return parsed;
  }

  /** The accepted forms, as one phrase starting with "must be". */
  public static String expected(BareNumber bare, boolean zeroAllowed) {
    return "must be "
        + (zeroAllowed ? "a duration" : "a positive duration")
        + " such as 500ms, 10s, 2m, 1h or 7d"
        + (bare == BareNumber.MILLISECONDS
            ? " (a bare number is milliseconds)"
            : " (with its unit: a bare number is refused)")
        + (zeroAllowed ? ", or 0 for off" : "");
  }

  private static Duration iso(String value) {
    try {
      return Duration.parse(value.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration withUnit(String value, BareNumber bare) {
    Matcher m = SHAPE.matcher(value);
    if (!m.matches()) {
      return null;
    }
    BigDecimal amount = new BigDecimal(m.group(1));
    if (m.group(2) == null && bare == BareNumber.REJECTED && amount.signum() != 0) {
      return null;
    }
    long unitMillis =
        switch (m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT)) {
          case "s" -> 1_000L;
          case "m" -> 60_000L;
          case "h" -> 3_600_000L;
          case "d" -> 86_400_000L;
          default -> 1L;
        };
    BigDecimal millis = amount.multiply(BigDecimal.valueOf(unitMillis));
    // Finer than a millisecond, or too long for a Duration's nanoseconds: not a sensible setting.
    if (millis.compareTo(MAX_MILLIS) > 0 || millis.stripTrailingZeros().scale() > 0) {
      return null;
    }
    return Duration.ofMillis(millis.longValueExact());
  }
}
