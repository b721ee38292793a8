package com.financereport.observability.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.observability.json.LogCapture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class InstrumentHelpersTest {
  private final LogCapture capture = LogCapture.json(Map.of());
  private final Logger log = capture.logger("helpers");

  @Test
  void theTimerLogsOperationAndDuration() throws Exception {
    String result = OperationTimer.call(log, "generate_report", () -> "done");

    assertThat(result).isEqualTo("done");
    JsonNode line = capture.single();
    assertThat(line.get("message").asText()).isEqualTo("Operation completed");
    assertThat(line.get("operation").asText()).isEqualTo("generate_report");
    assertThat(line.get("duration_ms").isNumber()).isTrue();
    assertThat(line.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(line.get("outcome").asText()).isEqualTo("success");
  }

  @Test
  void theTimerLogsAndRethrowsAFailure() {
    assertThatThrownBy(() -> OperationTimer.run(log, "import", () -> { throw new IllegalStateException("x"); }))
        .isInstanceOf(IllegalStateException.class);

    JsonNode line = capture.single();
    assertThat(line.get("message").asText()).isEqualTo("Operation failed");
    assertThat(line.get("outcome").asText()).isEqualTo("error");
    assertThat(line.get("exception").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void anExternalCallNeverLogsArgumentsOrErrorMessages() {
    String iban = "DE89370400440532013000";
    assertThatThrownBy(
            () ->
                ExternalCall.call(
                    log,
                    "payments",
                    "transfer",
                    () -> {
                      throw new IllegalArgumentException("rejected account " + iban + " pw=hunter2");
                    }))
        .isInstanceOf(IllegalArgumentException.class);

    JsonNode line = capture.single();
    assertThat(line.get("message").asText()).isEqualTo("External call failed");
    assertThat(line.get("external_service").asText()).isEqualTo("payments");
    assertThat(line.get("error_type").asText()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(capture.text()).doesNotContain(iban).doesNotContain("hunter2").doesNotContain("rejected account");
  }

  @Test
  void aSuccessfulExternalCallLogsDurationAndOutcome() throws Exception {
    int answer = ExternalCall.call(log, "s3", "head_bucket", () -> 42);

    assertThat(answer).isEqualTo(42);
    JsonNode line = capture.single();
    assertThat(line.get("operation").asText()).isEqualTo("head_bucket");
    assertThat(line.get("outcome").asText()).isEqualTo("success");
    assertThat(line.has("duration_ms")).isTrue();
  }
}
