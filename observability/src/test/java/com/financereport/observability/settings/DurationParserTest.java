package com.financereport.observability.settings;

import com.financereport.observability.internal.settings.DurationParser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.financereport.observability.internal.settings.DurationParser.BareNumber;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({
    "250ms, 250",
    "10s, 10000",
    "1.5s, 1500",
    "2m, 120000",
    "1h, 3600000",
    "7d, 604800000",
    "' 5 S ', 5000",
    "PT1.5S, 1500",
    "pt2m, 120000",
  })
  void aNumberWithItsUnitIsRead(String text, long millis) {
    assertThat(DurationParser.parse("X", text, BareNumber.REJECTED, false))
        .isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void aBareNumberIsMillisecondsWhereTheOtelSpecSaysSo() {
    assertThat(DurationParser.parse("OTEL_BLRP_SCHEDULE_DELAY", "200", BareNumber.MILLISECONDS, false))
        .isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aBareNumberIsRefusedWithAMessageNamingTheVariable() {
    assertThatThrownBy(() -> DurationParser.parse("DATABASE_STARTUP_TIMEOUT", "30", BareNumber.REJECTED, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("DATABASE_STARTUP_TIMEOUT must be a positive duration")
        .hasMessageContaining("a bare number is refused")
        .hasMessageContaining("(got \"30\")");
  }

  @Test
  void zeroNeedsNoUnitWhereZeroMeansOff() {
    assertThat(DurationParser.parse("W", "0", BareNumber.REJECTED, true)).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "soon",
    "-1s",
    "10 parsecs",
    "1.5",
    "0.5ms",
    "s",
    "''",
    "PTfoo",
    "99999999999999999d",
  })
  void aMalformedValueIsRefusedNamingTheVariable(String text) {
    assertThatThrownBy(() -> DurationParser.parse("HEALTH_CHECK_TIMEOUT", text, BareNumber.MILLISECONDS, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("HEALTH_CHECK_TIMEOUT must be");
  }

  @Test
  void zeroIsRefusedWhereOffIsNotAllowed() {
    assertThatThrownBy(() -> DurationParser.parse("OBSERVABILITY_SHUTDOWN_TIMEOUT", "0s", BareNumber.MILLISECONDS, false))
        .hasMessageStartingWith("OBSERVABILITY_SHUTDOWN_TIMEOUT must be a positive duration");
  }
}
