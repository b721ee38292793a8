package com.financereport.observability.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdTest {
  @Test
  void lettersDigitsDotsUnderscoresAndHyphensAreValid() {
    assertThat(RequestId.isValid("Ab9._-")).isTrue();
  }

  @Test
  void oneHundredTwentyEightCharactersAreValid() {
    assertThat(RequestId.isValid("x".repeat(128))).isTrue();
  }

  @Test
  void oneHundredTwentyNineCharactersAreNot() {
    assertThat(RequestId.isValid("x".repeat(129))).isFalse();
  }

  @Test
  void emptyIsNotValid() {
    assertThat(RequestId.isValid("")).isFalse();
  }

  @Test
  void newlinesAreNotValid() {
    assertThat(RequestId.isValid("abc\nlevel=ERROR")).isFalse();
  }

  @Test
  void validCandidateIsKept() {
    assertThat(RequestId.resolve("trace-1")).isEqualTo("trace-1");
  }

  @Test
  void missingCandidateBecomesAUuid() {
    assertThat(RequestId.resolve(null)).matches("[0-9a-f-]{36}");
  }
}
