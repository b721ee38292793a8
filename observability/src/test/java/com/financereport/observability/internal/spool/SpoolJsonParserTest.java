package com.financereport.observability.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpoolJsonParserTest {
  @Test
  void readsTheTypesTheSpoolWrites() {
    Object parsed = SpoolJsonParser.parse("{\"l\":-12,\"d\":1.5e-3,\"s\":\"a\\u00e9\\n\",\"b\":[true,false,null]}");

    assertThat(parsed)
        .isEqualTo(
            Map.of("l", -12L, "d", 1.5e-3, "s", "a\u00e9\n", "b", java.util.Arrays.asList(true, false, null)));
  }

  @Test
  void keepsALoneSurrogateWrittenAsAnEscape() {
    assertThat(SpoolJsonParser.parse("\"\\ud800x\"")).isEqualTo("\uD800x");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "01", "-", "1.", ".5", "1e", "+1", "1-2", "--1", "99999999999999999999",
        "\"\\u12g4\"", "\"\\u+123\"", "\"\\x\"", "\"tab\there\"", "\"open",
        "{\"a\":1,\"a\":2}", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{} {}", "tru", "nul"
      })
  void rejectsWhatIsNotStrictJson(String text) {
    assertThatThrownBy(() -> SpoolJsonParser.parse(text)).isInstanceOf(CorruptRecordException.class);
  }

  @Test
  void readsWhitespaceBetweenTokens() {
    assertThat(SpoolJsonParser.parse(" { \"a\" : [ 1 , 2 ] } ")).isEqualTo(Map.of("a", List.of(1L, 2L)));
  }
}
