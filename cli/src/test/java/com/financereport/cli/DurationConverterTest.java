package com.financereport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @Test
  void millisecondsSecondsAndMinutesAreRead() {
    assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void isoDurationIsRead() {
    assertThat(converter.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void numberWithoutUnitIsRefused() {
    assertThatThrownBy(() -> converter.convert("10")).isInstanceOf(TypeConversionException.class);
  }
}
