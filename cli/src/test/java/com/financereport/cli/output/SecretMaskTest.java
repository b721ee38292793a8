package com.financereport.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

  @Test
  void longValueShowsOnlyItsFirstTwoCharacters() {
    assertThat(SecretMask.mask("abcdefghijklmnop")).isEqualTo("ab****");
  }

  @Test
  void shortValueIsHiddenEntirely() {
    assertThat(SecretMask.mask("8080")).isEqualTo("****");
  }

  @Test
  void emptyValueIsShownAsEmpty() {
    assertThat(SecretMask.mask("")).isEqualTo("(empty)");
  }
}
