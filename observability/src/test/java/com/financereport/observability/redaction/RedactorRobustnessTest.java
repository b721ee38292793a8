package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorRobustnessTest {
  private static final int ONE_MEGABYTE = 1 << 20;
  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Report generated for account 4411 in 35 ms",
        "Payment of 1234.56 EUR booked for order 7781",
        "User logged in",
        "GET /api/reports/2026/11 -> 200",
      })
  void anOrdinaryMessageComesBackAsTheSameInstance(String message) {
    assertThat(redactor.redactText(message)).isSameAs(message);
  }

  @Test
  void aTriggeredButCleanMessageComesBackAsTheSameInstance() {
    String message = "took 35 ms at 2026-11-25T19:39:15Z, user=bob status: ok";

    assertThat(redactor.redactText(message)).isSameAs(message);
  }

  @Test
  void nullAndEmptyAreReturnedAsGiven() {
    assertThat(redactor.redactText(null)).isNull();
    String empty = "";
    assertThat(redactor.redactText(empty)).isSameAs(empty);
  }

  @Test
  void aMultiLinePrivateKeyBlockGoesWhole() {
    String text =
        "loaded key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nq83+/abc==\n"
            + "-----END RSA PRIVATE KEY-----\nnext line";

    assertThat(redactor.redactText(text)).isEqualTo("loaded key:\n[REDACTED]\nnext line");
  }

  @Test
  void aPrivateKeyBlockCutOffBeforeItsEndIsRedactedToTheEnd() {
    String text = "key -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA";

    assertThat(redactor.redactText(text)).isEqualTo("key [REDACTED]");
  }

  @Test
  void aStackTraceWithASecretInItsMessageIsRedacted() {
    String trace =
        "java.lang.IllegalStateException: login failed for password=hunter2\n"
            + "\tat com.financereport.Login.run(Login.java:42)\n";

    assertThat(redactor.redactText(trace))
        .isEqualTo(
            "java.lang.IllegalStateException: login failed for password=[REDACTED]\n"
                + "\tat com.financereport.Login.run(Login.java:42)\n");
  }

  @Test
  void controlCharactersAndBrokenSurrogatesDoNotStopRedaction() {
    String text = "a\u0000b \uD800 password=hun\uDC00ter \u0007 bob@example.com\u0000";

    assertThat(redactor.redactText(text))
        .isEqualTo("a\u0000b \uD800 password=[REDACTED] \u0007 [EMAIL]\u0000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7",
        "a",
        "@",
        "a@",
        "=",
        "a=",
        ":",
        "+1",
        "eyJ",
        "bearer ",
        "DE89",
        "-----BEGIN ",
        "hvs.",
        "s.",
        "ghp_",
        "\uD800",
        "\u0000",
        "1 ",
        "4111-",
        "@a",
        "a.",
        "@a.b",
        "://a:",
        "x=\"",
        "Basic YTpi",
        "password=[ ",
        "token={",
        "secret:"
      })
  void aMegabyteOfOneShapeIsScannedToTheEndWithoutFailingClosed(String unit) {
    String hostile = unit.repeat(ONE_MEGABYTE / unit.length());

    String redacted = redactor.redactText(hostile);

    // The redactor answers a bare [REDACTED] only when a rule blew up (fail closed): every shape
    // here must be scanned by the rules themselves, in linear time and stack.
    assertThat(redacted).as("redaction of 1 MiB of %s failed closed", unit).isNotEqualTo(Redactor.REDACTED);
    assertThat(redacted.length()).isPositive();
  }

  @Test
  void aMegabyteLineWithSecretsAtBothEndsLosesBoth() {
    String middle = "x".repeat(ONE_MEGABYTE);
    String text = "password=first " + middle + " bob@example.com";

    assertThat(redactor.redactText(text)).isEqualTo("password=[REDACTED] " + middle + " [EMAIL]");
  }

  @Test
  void aPatternThatBlowsTheStackFailsClosed() {
    // Alternation inside a repeated group recurses once per character in java.util.regex.
    Redactor withHostilePattern =
        Redactor.builder().secretPattern(Pattern.compile("(?:a|b)*c")).build();
    String text = "a".repeat(ONE_MEGABYTE);

    assertThat(withHostilePattern.redactText(text)).isEqualTo(Redactor.REDACTED);
  }
}
