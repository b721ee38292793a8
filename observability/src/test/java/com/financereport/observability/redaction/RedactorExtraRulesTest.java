package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.ObservabilitySettings;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactorExtraRulesTest {
  @Test
  void anExtraKeyIsMatchedWordAwareLikeTheDefaults() {
    Redactor redactor = Redactor.builder().secretKey("customer_ref").build();

    assertThat(redactor.isSecretKey("customer_ref")).isTrue();
    assertThat(redactor.isSecretKey("customerRef")).isTrue();
    assertThat(redactor.isSecretKey("CUSTOMER-REF-ID")).isTrue();
    assertThat(redactor.isSecretKey("customer_reference_count")).isFalse();
    assertThat(redactor.redactText("lookup customer_ref=C-991"))
        .isEqualTo("lookup customer_ref=[REDACTED]");
  }

  @Test
  void anExtraPatternReplacesEveryMatch() {
    Redactor redactor = Redactor.builder().secretPattern(Pattern.compile("ACME-\\d{6}")).build();

    assertThat(redactor.redactText("licence ACME-123456 and ACME-654321"))
        .isEqualTo("licence [REDACTED] and [REDACTED]");
  }

  @Test
  void anExtraPatternRunsEvenWhereNoBuiltInTriggerIs() {
    Redactor redactor = Redactor.builder().secretPattern(Pattern.compile("internal")).build();

    assertThat(redactor.redactText("an internal note")).isEqualTo("an [REDACTED] note");
  }

  @Test
  void anExtraPatternThatMatchesNothingKeepsTheSameInstance() {
    Redactor redactor = Redactor.builder().secretPattern(Pattern.compile("ACME-\\d{6}")).build();
    String text = "nothing to see";

    assertThat(redactor.redactText(text)).isSameAs(text);
  }

  @Test
  void anExtraPatternMatchingTheEmptyStringInsertsNothing() {
    Redactor redactor = Redactor.builder().secretPattern(Pattern.compile("x*")).build();

    assertThat(redactor.redactText("abc")).isEqualTo("abc");
  }

  @Test
  void extrasDoNotSwitchTheDefaultsOff() {
    Redactor redactor =
        Redactor.builder().secretKey("customer_ref").secretPattern(Pattern.compile("zzz")).build();

    assertThat(redactor.isSecretKey("password")).isTrue();
    assertThat(redactor.redactText("password=x mail a@example.com"))
        .isEqualTo("password=[REDACTED] mail [EMAIL]");
  }

  @Test
  void blankAndNullExtrasAreIgnored() {
    Redactor redactor =
        Redactor.builder().secretKey(" ").secretKey(null).secretPattern(null).build();

    assertThat(redactor.isSecretKey("anything")).isFalse();
    assertThat(redactor.isSecretKey(" ")).isFalse();
  }

  @Test
  void extraKeysAndPatternsComeFromTheEnvironment() {
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(
            ObservabilitySettings.fromEnvironment(
                Map.of(
                    "OBSERVABILITY_REDACT_KEYS", "customer_ref, tax_number",
                    "OBSERVABILITY_REDACT_PATTERNS", "ACME-\\d{6};;ORD-[A-Z]{3},\\d")));
    Redactor redactor = runtime.redactor();

    assertThat(redactor.isSecretKey("taxNumber")).isTrue();
    assertThat(redactor.isSecretKey("customer_ref")).isTrue();
    assertThat(redactor.redactText("ACME-123456 ORD-ABC,7 password=p"))
        .isEqualTo("[REDACTED] [REDACTED] password=[REDACTED]");
    assertThat(runtime.warnings()).isEmpty();
  }

  @Test
  void anInvalidPatternFromTheEnvironmentIsSkippedWithAWarning() {
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(
            ObservabilitySettings.fromEnvironment(
                Map.of("OBSERVABILITY_REDACT_PATTERNS", "([unclosed;;ACME-\\d{6}")));

    assertThat(runtime.warnings())
        .singleElement()
        .asString()
        .contains("OBSERVABILITY_REDACT_PATTERNS")
        .doesNotContain("[unclosed");
    assertThat(runtime.redactor().redactText("ACME-123456")).isEqualTo("[REDACTED]");
  }
}
