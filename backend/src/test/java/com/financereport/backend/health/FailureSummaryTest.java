package com.financereport.backend.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.redaction.Redactor;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureSummaryTest {
  private final FailureSummary summary = new FailureSummary(Redactor.defaults());

  @Test
  void namesTheRootCauseAndItsMessage() {
    SQLException wrapped = new SQLException("pool timed out", new ConnectException("Connection refused"));

    assertThat(summary.of(wrapped)).isEqualTo("ConnectException: Connection refused");
  }

  @Test
  void keepsOnlyTheFirstLine() {
    assertThat(summary.of(new IllegalStateException("first line\n\tat some.Frame")))
        .isEqualTo("IllegalStateException: first line");
  }

  @Test
  void capsLongMessagesAt200Characters() {
    assertThat(summary.of(new IllegalStateException("x".repeat(1000)))).hasSize(200).endsWith("…");
  }

  @Test
  void redactsCredentialsInTheMessage() {
    assertThat(summary.of(new IllegalStateException("refused Bearer abcdefgh12345678")))
        .doesNotContain("abcdefgh12345678");
  }
}
