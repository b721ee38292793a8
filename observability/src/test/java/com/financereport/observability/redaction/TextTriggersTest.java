package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTriggersTest {
  private static final Map<String, Integer> BITS =
      Map.ofEntries(
          Map.entry("AT_SIGN", TextTriggers.AT_SIGN),
          Map.entry("ASSIGNMENT", TextTriggers.ASSIGNMENT),
          Map.entry("AUTH_SCHEME", TextTriggers.AUTH_SCHEME),
          Map.entry("JWT", TextTriggers.JWT),
          Map.entry("PEM_BLOCK", TextTriggers.PEM_BLOCK),
          Map.entry("CLOUD_KEY", TextTriggers.CLOUD_KEY),
          Map.entry("VAULT_TOKEN", TextTriggers.VAULT_TOKEN),
          Map.entry("VENDOR_TOKEN", TextTriggers.VENDOR_TOKEN),
          Map.entry("LONG_DIGIT_RUN", TextTriggers.LONG_DIGIT_RUN),
          Map.entry("PLUS_NUMBER", TextTriggers.PLUS_NUMBER),
          Map.entry("COUNTRY_CHECK_DIGITS", TextTriggers.COUNTRY_CHECK_DIGITS),
          Map.entry("MOBILE_DIGIT_RUN", TextTriggers.MOBILE_DIGIT_RUN),
          Map.entry("SOLE_TRADER_CODE", TextTriggers.SOLE_TRADER_CODE),
          Map.entry("DIGITS_THEN_LETTER", TextTriggers.DIGITS_THEN_LETTER),
          Map.entry("ID_DIGIT_RUN", TextTriggers.ID_DIGIT_RUN),
          Map.entry("TAX_CODE", TextTriggers.TAX_CODE));

  @ParameterizedTest(name = "{0} triggers {1}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          mail bob@example.com          => AT_SIGN
          a=b                           => ASSIGNMENT
          Reason: none                  => ASSIGNMENT
          BeArEr x                      => AUTH_SCHEME
          basic x                       => AUTH_SCHEME
          eyJhbGci                      => JWT
          -----BEGIN RSA                => PEM_BLOCK
          AKIAIOSFODNN7EXAMPLE          => CLOUD_KEY
          ASIA1234                      => CLOUD_KEY
          hvs.abc                       => VAULT_TOKEN
          hvb.abc                       => VAULT_TOKEN
          s.abc                         => VAULT_TOKEN
          ghp_abc                       => VENDOR_TOKEN
          github_pat_abc                => VENDOR_TOKEN
          xoxb-1                        => VENDOR_TOKEN
          sk_live_abc                   => VENDOR_TOKEN
          4111111111111                 => LONG_DIGIT_RUN
          4111 1111 1111 1              => LONG_DIGIT_RUN
          4111-1111-1111-1              => LONG_DIGIT_RUN
          +44 20                        => PLUS_NUMBER
          +(44)                         => PLUS_NUMBER
          DE89                          => COUNTRY_CHECK_DIGITS
          RSSMRA85T10A562S              => TAX_CODE
          13812345678                   => MOBILE_DIGIT_RUN
          138 1234 5678                 => MOBILE_DIGIT_RUN
          138-1234-5678                 => MOBILE_DIGIT_RUN
          8613812345678                 => MOBILE_DIGIT_RUN
          0086 138 1234 5678            => MOBILE_DIGIT_RUN
          110105491231002               => ID_DIGIT_RUN
          440306 19900307 1232          => ID_DIGIT_RUN
          92440300                      => SOLE_TRADER_CODE
          12345678Z                     => DIGITS_THEN_LETTER
          12345678-Z                    => DIGITS_THEN_LETTER
          X1234567L                     => DIGITS_THEN_LETTER
          sk-proj-abc                   => VENDOR_TOKEN
          sk-ant-api03                  => VENDOR_TOKEN
          glpat-abc                     => VENDOR_TOKEN
          xoxe-1                        => VENDOR_TOKEN
          xapp-1                        => VENDOR_TOKEN
          rk_prod_abc                   => VENDOR_TOKEN
          npm_abc                       => VENDOR_TOKEN
          SG.abc                        => VENDOR_TOKEN
          SKbc0fe8                      => VENDOR_TOKEN
          ACef04a4                      => VENDOR_TOKEN
          AKIDAzap                      => VENDOR_TOKEN
          LTAIHk9H                      => VENDOR_TOKEN
          AIzaUxjw                      => VENDOR_TOKEN
          """)
  void eachShapeSetsItsTrigger(String text, String trigger) {
    assertThat(TextTriggers.scan(text) & BITS.get(trigger)).isNotZero();
  }

  @ParameterizedTest(name = "{0} triggers nothing")
  @CsvSource(
      textBlock =
          """
          Report generated for account 4411 in 35 ms
          4111111111
          4111  1111  1111  1111
          plus + sign
          the cat sat on the mat
          harbor asics
          risk-adjusted and desk-based
          ACK from SKU 12
          1234567 in 92 ms
          """)
  void ordinaryTextTriggersNothing(String text) {
    assertThat(TextTriggers.scan(text)).isEqualTo(TextTriggers.NONE);
  }

  @Test
  void nonAsciiAndControlCharactersTriggerNothing() {
    assertThat(TextTriggers.scan("Zürich \u00e9\u4e2d\u6587 \u0000\u0001 \uD800"))
        .isEqualTo(TextTriggers.NONE);
  }

  @ParameterizedTest(name = "{0} does not trigger {1}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          uuid 123e4567-e89b-12d3-a456-426614174000 => MOBILE_DIGIT_RUN
          uuid 123e4567-e89b-12d3-a456-426614174000 => ID_DIGIT_RUN
          order 20261203000123 shipped              => MOBILE_DIGIT_RUN
          order 20261203000123 shipped              => ID_DIGIT_RUN
          phone 5 138 1234 5678                     => MOBILE_DIGIT_RUN
          at 2026-12-03T14:07:55Z                   => DIGITS_THEN_LETTER
          iban DE89370400440532013000               => TAX_CODE
          """)
  void commonLookAlikesSkipTheDigitRunRules(String text, String trigger) {
    assertThat(TextTriggers.scan(text) & BITS.get(trigger)).isZero();
  }
}
