package com.financereport.observability.json;

import com.financereport.observability.internal.json.JsonWriter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Doubles written without Double.toString must still read back as the very same double. */
class JsonWriterNumberTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      doubles = {
        1234.56, 0.1, 0.2, 0.35, 3.14159, -1234.5, -0.001, 0.001, 0.0015, 9999999.5, 1e7 + 0.5,
        0.3333333333333333, 0.1 + 0.2, 12345.678901, 1e-4, 1.5e-3, 123.00000001, 1e15 + 0.5,
        Double.MIN_VALUE, Double.MAX_VALUE, -0.0
      })
  void writesWhatDoubleToStringWrites(double value) {
    String written = written(value);
    // Integral values are written as integers, as before; the rest as Java writes them.
    String expected =
        value == (long) value && Math.abs(value) < 1e15
            ? Long.toString((long) value)
            : Double.toString(value);
    assertThat(written).isEqualTo(expected);
  }

  @Test
  void amountsWithFewDecimalsReadBackExactly() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      int decimals = random.nextInt(1, 9);
      double value = random.nextLong(-10_000_000_00L, 10_000_000_00L) / Math.pow(10, decimals);
      assertReadsBack(value);
    }
  }

  @Test
  void arbitraryDoublesReadBackExactly() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-5, 9));
      assertReadsBack(value);
    }
  }

  private static void assertReadsBack(double value) {
    String written = written(value);
    assertThat(Double.parseDouble(written)).as(written).isEqualTo(value);
    assertThat(written.length()).as(written).isLessThanOrEqualTo(Double.toString(value).length());
  }

  private static String written(double value) {
    JsonWriter out = new JsonWriter(64);
    out.number(value);
    return out.toString();
  }
}
