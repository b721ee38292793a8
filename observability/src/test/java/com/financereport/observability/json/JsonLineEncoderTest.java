package com.financereport.observability.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

class JsonLineEncoderTest {
  private static final Pattern RFC3339_MICROS =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");

  private final LogCapture capture =
      LogCapture.json(
          Map.of(
              "ENVIRONMENT", "staging",
              "OTEL_SERVICE_NAME", "billing",
              "GIT_COMMIT_SHA", "abc1234"));
  private final Logger log = capture.logger("com.example.Billing");

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void everyLineCarriesTheFixedFields() {
    log.info("Report generated");

    JsonNode line = capture.single();
    assertThat(line.get("time").asText()).matches(RFC3339_MICROS);
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("logger").asText()).isEqualTo("com.example.Billing");
    assertThat(line.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
    assertThat(line.get("message").asText()).isEqualTo("Report generated");
    assertThat(line.get("service.name").asText()).isEqualTo("billing");
    assertThat(line.get("service.version").asText()).isEqualTo("abc1234");
    assertThat(line.get("deployment.environment").asText()).isEqualTo("staging");
    assertThat(line.get("deployment.environment.name").asText()).isEqualTo("staging");
  }

  @Test
  void markersBecomeATagsArray() {
    log.atInfo().addMarker(MarkerFactory.getDetachedMarker("audit")).log("Invoice approved");

    assertThat(capture.single().get("tags").toString()).isEqualTo("[\"audit\"]");
  }

  @Test
  void aMarkersReferencesAreTagsToo() {
    Marker security = MarkerFactory.getDetachedMarker("security");
    security.add(MarkerFactory.getDetachedMarker("audit"));
    log.atWarn().addMarker(security).log("Login refused");

    assertThat(capture.single().get("tags").toString()).isEqualTo("[\"security\",\"audit\"]");
  }

  @Test
  void aLineWithoutMarkersHasNoTags() {
    log.info("plain");

    assertThat(capture.single().has("tags")).isFalse();
  }

  @Test
  void aUserKeyNamedTagsBesideMarkersKeepsItsValueUnderThePrefix() {
    log.atInfo()
        .addMarker(MarkerFactory.getDetachedMarker("audit"))
        .addKeyValue("tags", "blue")
        .log("both");

    JsonNode line = capture.single();
    assertThat(line.get("tags").toString()).isEqualTo("[\"audit\"]");
    assertThat(line.get("kv.tags").asText()).isEqualTo("blue");
  }

  @Test
  void timeIsTheEventsInstantInUtcWithMicroseconds() {
    long before = System.currentTimeMillis();
    log.info("x");
    long after = System.currentTimeMillis();

    String time = capture.single().get("time").asText();
    long millis = java.time.Instant.parse(time).toEpochMilli();
    assertThat(millis).isBetween(before, after);
  }

  @Test
  void keyValuesStayTyped() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("count", 3);
    nested.put("tags", List.of("a", "b"));
    log.atInfo()
        .addKeyValue("user_id", 4411)
        .addKeyValue("amount", 1234.5)
        .addKeyValue("exact", new BigDecimal("10.25"))
        .addKeyValue("paid", true)
        .addKeyValue("note", (Object) null)
        .addKeyValue("details", nested)
        .addKeyValue("ids", new long[] {1, 2})
        .log("Statement processed");

    JsonNode line = capture.single();
    assertThat(line.get("user_id").isIntegralNumber()).isTrue();
    assertThat(line.get("user_id").asLong()).isEqualTo(4411);
    assertThat(line.get("amount").isDouble()).isTrue();
    assertThat(line.get("amount").asDouble()).isEqualTo(1234.5);
    assertThat(line.get("exact").decimalValue()).isEqualByComparingTo("10.25");
    assertThat(line.get("paid").isBoolean()).isTrue();
    assertThat(line.get("note").isNull()).isTrue();
    assertThat(line.get("details").get("count").asInt()).isEqualTo(3);
    assertThat(line.get("details").get("tags").get(1).asText()).isEqualTo("b");
    assertThat(line.get("ids").get(1).asLong()).isEqualTo(2);
  }

  @Test
  void floatsKeepTheirShortDigits() {
    log.atInfo().addKeyValue("ratio", 1.1f).addKeyValue("big", 1.5e300).log("x");

    assertThat(capture.lines().get(0)).contains("\"ratio\":1.1,").contains("\"big\":1.5E300");
  }

  @Test
  void mdcEntriesAreMembers() {
    MDC.put("request_id", "req-42");
    log.info("with context");

    assertThat(capture.single().get("request_id").asText()).isEqualTo("req-42");
  }

  @Test
  void userKeysNeverReplaceFixedFields() {
    MDC.put("level", "mdc-level");
    log.atWarn().addKeyValue("message", "kv-message").addKeyValue("time", 1).log("real message");

    JsonNode line = capture.single();
    assertThat(line.get("level").asText()).isEqualTo("WARN");
    assertThat(line.get("message").asText()).isEqualTo("real message");
    assertThat(line.get("time").asText()).matches(RFC3339_MICROS);
    assertThat(line.get("mdc.level").asText()).isEqualTo("mdc-level");
    assertThat(line.get("kv.message").asText()).isEqualTo("kv-message");
    assertThat(line.get("kv.time").asInt()).isEqualTo(1);
  }

  @Test
  void aKeyValueClashingWithAnMdcEntryKeepsBoth() {
    MDC.put("tenant", "from-mdc");
    log.atInfo().addKeyValue("tenant", "from-kv").addKeyValue("tenant", "again").log("x");

    JsonNode line = capture.single();
    assertThat(line.get("tenant").asText()).isEqualTo("from-mdc");
    assertThat(line.get("kv.tenant").asText()).isEqualTo("from-kv");
    assertThat(line.get("kv.tenant.2").asText()).isEqualTo("again");
  }

  @Test
  void aKeyValueRepeatingAnEarlierMemberWithTheSameValueIsWrittenOnce() {
    MDC.put("request_id", "req-7");
    SpanContext span =
        SpanContext.create(
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    try (Scope ignored = Span.wrap(span).makeCurrent()) {
      log.atInfo()
          .addKeyValue("request_id", "req-7")
          .addKeyValue("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
          .log("HTTP Request");
    }

    JsonNode line = capture.single();
    assertThat(line.get("request_id").asText()).isEqualTo("req-7");
    assertThat(line.has("kv.request_id")).isFalse();
    assertThat(line.has("kv.trace_id")).isFalse();
  }

  @Test
  void anExceptionIsWrittenAsTypeMessageAndStacktrace() {
    log.error("Upload failed", new IllegalStateException("bucket missing"));

    JsonNode exception = capture.single().get("exception");
    assertThat(exception.get("type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(exception.get("message").asText()).isEqualTo("bucket missing");
    assertThat(exception.get("stacktrace").asText())
        .contains("java.lang.IllegalStateException: bucket missing")
        .contains("at com.financereport.observability.json.JsonLineEncoderTest");
  }

  @Test
  void traceAndSpanIdsAppearWhenASpanIsCurrent() {
    SpanContext span =
        SpanContext.create(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    try (Scope ignored = Span.wrap(span).makeCurrent()) {
      log.info("inside a span");
    }
    log.info("outside");

    List<JsonNode> lines = capture.events();
    assertThat(lines.get(0).get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(lines.get(0).get("span_id").asText()).isEqualTo("00f067aa0ba902b7");
    assertThat(lines.get(1).has("trace_id")).isFalse();
  }

  @Test
  void aSecretKeyValueIsRedacted() {
    log.atInfo().addKeyValue("password", "hunter2").addKeyValue("apiKey", "k-123").log("login");

    JsonNode line = capture.single();
    assertThat(line.get("password").asText()).isEqualTo("[REDACTED]");
    assertThat(line.get("apiKey").asText()).isEqualTo("[REDACTED]");
    assertThat(capture.text()).doesNotContain("hunter2").doesNotContain("k-123");
  }

  @Test
  void secretsInNestedValuesAreRedacted() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("headers", Map.of("Authorization", "Bearer abcdefghijklmnop"));
    request.put("contact", "jane.doe@example.com");
    log.atInfo().addKeyValue("request", request).log("incoming");

    JsonNode line = capture.single();
    assertThat(line.get("request").get("headers").get("Authorization").asText())
        .isEqualTo("[REDACTED]");
    assertThat(line.get("request").get("contact").asText()).isEqualTo("[EMAIL]");
  }

  @Test
  void secretsInMessagesAndExceptionsAreRedacted() {
    log.error(
        "Call with Bearer abc123def456ghi789jkl failed for jane.doe@example.com",
        new IllegalArgumentException("token Bearer zyx987wvu654tsr321 rejected"));

    assertThat(capture.text())
        .doesNotContain("abc123def456ghi789jkl")
        .doesNotContain("zyx987wvu654tsr321")
        .doesNotContain("jane.doe@example.com");
    JsonNode line = capture.single();
    assertThat(line.get("message").asText()).contains("[REDACTED]").contains("[EMAIL]");
    assertThat(line.get("exception").get("message").asText()).contains("[REDACTED]");
  }

  @Test
  void mdcSecretsAreRedacted() {
    MDC.put("session_token", "s3cr3t-session");
    log.info("x");

    assertThat(capture.single().get("session_token").asText()).isEqualTo("[REDACTED]");
  }

  @Test
  void theLinesTextsStayInTheThreadsMemoSoTheOtlpRecordDoesNotScanThemAgain() {
    com.financereport.observability.ObservabilityRuntime runtime =
        com.financereport.observability.ObservabilityRuntime.create(
            com.financereport.observability.settings.ObservabilitySettings.fromEnvironment(
                Map.of()));
    LogCapture json = LogCapture.json(runtime);
    String requestId = java.util.UUID.randomUUID().toString();

    json.logger("com.example.Http").atInfo().addKeyValue("request_id", requestId).log("HTTP Request");

    com.financereport.observability.internal.redaction.RedactionMemo memo =
        runtime.redactor().threadMemo();
    assertThat(memo.remembers(requestId)).isTrue();
    assertThat(memo.remembers("HTTP Request")).isTrue();
  }
}
