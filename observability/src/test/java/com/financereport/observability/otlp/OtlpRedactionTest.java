package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Secrets are removed before a record leaves the process: the collector never sees them. */
class OtlpRedactionTest {
  private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9secretvalue";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private OtlpTestReceiver receiver;
  private ExportFixture fixture;

  @BeforeEach
  void start() {
    receiver = OtlpTestReceiver.start();
    fixture = ExportFixture.exportingTo(receiver.baseEndpoint());
  }

  @AfterEach
  void stop() {
    fixture.close();
    receiver.close();
  }

  /** Everything the collector received, as protobuf text. */
  private String everythingReceived() {
    receiver.awaitRecords(1, WAIT);
    StringBuilder all = new StringBuilder();
    receiver.requests().forEach(r -> all.append(r.request()));
    return all.toString();
  }

  @Test
  void secretInTheMessageNeverReachesTheCollector() {
    fixture.logger("app").info("calling upstream with Authorization: Bearer {}", TOKEN);

    String received = everythingReceived();
    assertThat(received).doesNotContain(TOKEN).contains("[REDACTED]");
  }

  @Test
  void secretKeyValueNeverReachesTheCollector() {
    fixture.logger("app").atInfo().addKeyValue("password", TOKEN).log("login");

    String received = everythingReceived();
    assertThat(received).doesNotContain(TOKEN);
    assertThat(receiver.records().get(0).attribute("password")).isEqualTo("[REDACTED]");
  }

  @Test
  void secretInsideANestedMapNeverReachesTheCollector() {
    fixture
        .logger("app")
        .atInfo()
        .addKeyValue("request", Map.of("headers", Map.of("x-api-key", TOKEN)))
        .log("nested");

    assertThat(everythingReceived()).doesNotContain(TOKEN).contains("[REDACTED]");
  }

  @Test
  void secretMdcEntryNeverReachesTheCollector() {
    MDC.put("session_token", TOKEN);
    try {
      fixture.logger("app").info("with a session");
    } finally {
      MDC.remove("session_token");
    }

    assertThat(everythingReceived()).doesNotContain(TOKEN);
    assertThat(receiver.records().get(0).attribute("session_token")).isEqualTo("[REDACTED]");
  }

  @Test
  void secretInAnExceptionMessageNeverReachesTheCollector() {
    fixture
        .logger("app")
        .error("upstream failed", new IllegalStateException("rejected Bearer " + TOKEN));

    assertThat(everythingReceived()).doesNotContain(TOKEN);
    assertThat(receiver.records().get(0).attribute("exception.message")).contains("[REDACTED]");
  }

  @Test
  void emailInAStringValueIsLabelled() {
    fixture.logger("app").atInfo().addKeyValue("customer", "jane.doe@example.com").log("signup");

    assertThat(everythingReceived()).doesNotContain("jane.doe@example.com");
    assertThat(receiver.records().get(0).attribute("customer")).isEqualTo("[EMAIL]");
  }

  @Test
  void charAndByteArraysNeverReachTheCollector() {
    fixture
        .logger("app")
        .atInfo()
        .addKeyValue("letters", "s3cr3tpass".toCharArray())
        .addKeyValue("blob", "s3cr3tblob".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .log("arrays");

    receiver.awaitRecords(1, java.time.Duration.ofSeconds(10));
    assertThat(everythingReceived()).doesNotContain("s3cr3tpass").doesNotContain("s3cr3tblob");
    assertThat(receiver.records().get(0).attribute("letters")).isEqualTo("[char[] 10]");
    assertThat(receiver.records().get(0).attribute("blob")).isEqualTo("[binary 10 bytes]");
  }

  @Test
  void aThrowingToStringStillExportsTheRecord() {
    Object hostile =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("boom");
          }
        };
    fixture.logger("app").atInfo().addKeyValue("value", hostile).log("hostile");

    receiver.awaitRecords(1, java.time.Duration.ofSeconds(10));
    assertThat(receiver.records().get(0).body()).isEqualTo("hostile");
    assertThat(receiver.records().get(0).attribute("value")).startsWith("[toString() of ");
  }
}
