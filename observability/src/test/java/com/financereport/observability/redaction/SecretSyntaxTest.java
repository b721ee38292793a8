package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The corpus's judge rejects near-misses, so a corpus row with a broken secret fails. */
class SecretSyntaxTest {
  @ParameterizedTest(name = "{1} is no valid {0}")
  @CsvSource(
      delimiterString = " | ",
      textBlock =
          """
          [CARD]      | 6222021234567895
          [IBAN]      | FR5834257838740971391726848
          [IBAN]      | DE571234567890123456789
          [PHONE]     | 12345678901
          [PHONE]     | +86 128 1234 5678
          [ID_NUMBER] | 440306199003071233
          [ID_NUMBER] | 440306199002301235
          [ID_NUMBER] | 92440300MA5EXAMPL8
          [ID_NUMBER] | 12345678A
          [ID_NUMBER] | RSSMRA85T10A562T
          [REDACTED]  | ghp_tooShort
          [REDACTED]  | AKIAIOSFODNN7EXAMPL
          [REDACTED]  | sk-ant-api03-short
          [REDACTED]  | AIzaTooShort
          [EMAIL]     | bob@localhost
          """)
  void nearMissesAreRejected(String label, String text) {
    assertThat(SecretSyntax.problem(label, text)).isNotNull();
  }

  @ParameterizedTest(name = "{1} is a valid {0}")
  @CsvSource(
      delimiterString = " | ",
      textBlock =
          """
          [CARD]      | 6217 0001 2345 6789 019
          [IBAN]      | MT06 WIIV 2815 9850 6447 2773 5740 835
          [PHONE]     | +86 138 1234 5678
          [ID_NUMBER] | 11010519491231002X
          [ID_NUMBER] | 92440300MA5EXAMPL7
          [ID_NUMBER] | X1234567L
          [ID_NUMBER] | RSSMRA85T10A562S
          [REDACTED]  | AKIAIOSFODNN7EXAMPLE
          """)
  void validSecretsAreAccepted(String label, String text) {
    assertThat(SecretSyntax.problem(label, text)).isNull();
  }
}
