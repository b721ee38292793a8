package com.financereport.cli.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.cli.http.HttpAnswer;
import com.financereport.cli.http.JsonHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fakes answer as the contracts say, so tests against them mean something. */
class FakeContractsTest {
  private final JsonHttpClient http = new JsonHttpClient(Duration.ofSeconds(5));

  @Test
  void vaultCasZeroOnAnExistingSecretIsRefusedWithTheDocumentedBody() {
    try (FakeVault vault = new FakeVault("t")) {
      vault.put("secret/app", Map.of("a", "1"));
      HttpAnswer answer =
          http.send("POST", URI.create(vault.address() + "/v1/secret/data/app"), Map.of("X-Vault-Token", "t"),
              Map.of("data", Map.of("a", "2"), "options", Map.of("cas", 0)));
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body()).isEqualTo("{\"errors\":[\"check-and-set parameter did not match the current version\"]}");
    }
  }

  @Test
  void vaultMissingSecretIs404WithEmptyErrors() {
    try (FakeVault vault = new FakeVault("t")) {
      HttpAnswer answer = http.send("GET", URI.create(vault.address() + "/v1/secret/data/none"), Map.of("X-Vault-Token", "t"), null);
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.body()).isEqualTo("{\"errors\":[]}");
    }
  }

  @Test
  void vaultAcceptsABearerToken() {
    try (FakeVault vault = new FakeVault("t")) {
      vault.put("secret/app", Map.of("a", "1"));
      HttpAnswer answer = http.send("GET", URI.create(vault.address() + "/v1/secret/data/app"), Map.of("Authorization", "Bearer t"), null);
      assertThat(answer.status()).isEqualTo(200);
    }
  }

  @Test
  void vaultWithoutTokenIsPermissionDenied() {
    try (FakeVault vault = new FakeVault("t")) {
      HttpAnswer answer = http.send("GET", URI.create(vault.address() + "/v1/secret/data/app"), Map.of(), null);
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.body()).isEqualTo("{\"errors\":[\"permission denied\"]}");
    }
  }

  @Test
  void signozRevokedKeyGets401() {
    try (FakeSignoz signoz = new FakeSignoz("v0.117.0")) {
      String admin = signoz.issueKey("ADMIN", "admin");
      String other = signoz.issueKey("ADMIN", "other");
      http.send("DELETE", URI.create(signoz.baseUri() + "/api/v1/pats/" + signoz.idOfKey(other)), Map.of("SIGNOZ-API-KEY", admin), null);
      HttpAnswer answer = http.send("GET", URI.create(signoz.baseUri() + "/api/v1/pats"), Map.of("SIGNOZ-API-KEY", other), null);
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.json().path("status").asText()).isEqualTo("error");
    }
  }

  @Test
  void signozDuplicateServiceAccountIs409() {
    try (FakeSignoz signoz = new FakeSignoz("v0.118.0")) {
      Map<String, String> auth = Map.of("SIGNOZ-API-KEY", signoz.issueKey("ADMIN", "admin"));
      URI accounts = URI.create(signoz.baseUri() + "/api/v1/service_accounts");
      assertThat(http.send("POST", accounts, auth, Map.of("name", "ci")).status()).isEqualTo(201);
      assertThat(http.send("POST", accounts, auth, Map.of("name", "ci")).status()).isEqualTo(409);
    }
  }

  @Test
  void signozV5QueryWithAnUnknownFieldIs400() {
    try (FakeSignoz signoz = new FakeSignoz("v0.118.0")) {
      Map<String, String> auth = Map.of("SIGNOZ-API-KEY", signoz.issueKey("VIEWER", "reader"));
      Map<String, Object> spec = Map.of("name", "A", "signal", "logs", "filter", Map.of("expression", ""), "limit", 50, "pageSize", 10);
      Map<String, Object> body =
          Map.of("schemaVersion", "v1", "start", 0, "end", 1, "requestType", "raw",
              "compositeQuery", Map.of("queries", List.of(Map.of("type", "builder_query", "spec", spec))));
      HttpAnswer answer = http.send("POST", URI.create(signoz.baseUri() + "/api/v5/query_range"), auth, body);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().path("error").path("message").asText()).isEqualTo("unknown field spec.pageSize");
    }
  }

  // The traces query is an extension of the contract (see FakeQueryRange): rows shaped as SigNoz's
  // raw trace list builds them, the body validated as strictly as the logs one.

  private static final SpanRow SPAN =
      new SpanRow(
          1_700_000_000_000_000_000L,
          "4bf92f3577b34da6a3ce929d0e0e4736",
          "00f067aa0ba902b7",
          "obs-verify-canary",
          "SPAN_KIND_INTERNAL",
          1_500,
          Map.of("obs.canary.id", "c-1"),
          Map.of("service.name", "svc", "deployment.environment", "production"));

  private static Map<String, Object> tracesQuery(Map<String, Object> extraSpec) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", "A");
    spec.put("signal", "traces");
    spec.put("filter", Map.of("expression", "service.name = 'svc' AND deployment.environment = 'production' AND obs.canary.id = 'c-1'"));
    spec.put("limit", 50);
    spec.putAll(extraSpec);
    return Map.of("schemaVersion", "v1", "start", 1_699_999_000_000L, "end", 1_700_001_000_000L, "requestType", "raw",
        "compositeQuery", Map.of("queries", List.of(Map.of("type", "builder_query", "spec", spec))));
  }

  private HttpAnswer queryTraces(Map<String, Object> extraSpec) {
    try (FakeSignoz signoz = new FakeSignoz("v0.118.0")) {
      signoz.spansFrom(() -> List.of(SPAN));
      Map<String, String> auth = Map.of("SIGNOZ-API-KEY", signoz.issueKey("VIEWER", "reader"));
      return http.send("POST", URI.create(signoz.baseUri() + "/api/v5/query_range"), auth, tracesQuery(extraSpec));
    }
  }

  @Test
  void signozV5TracesRowHoldsTheSelectedColumnsAndTheIds() {
    HttpAnswer answer =
        queryTraces(
            Map.of(
                "selectFields",
                List.of(
                    Map.of("name", "service.name", "fieldContext", "resource"),
                    Map.of("name", "obs.canary.id", "fieldContext", "attribute"))));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("data").path("data").path("results").path(0).path("rows").path(0).path("data").toString())
        .isEqualTo(
            "{\"service.name\":\"svc\",\"obs.canary.id\":\"c-1\",\"timestamp\":\"2023-11-14T22:13:20Z\","
                + "\"span_id\":\"00f067aa0ba902b7\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}");
  }

  @Test
  void signozV5TracesRowWithoutSelectFieldsHoldsSignozDefaultColumnsOnly() {
    HttpAnswer answer = queryTraces(Map.of());
    JsonNode data = answer.json().path("data").path("data").path("results").path(0).path("rows").path(0).path("data");
    List<String> columns = new ArrayList<>();
    data.fieldNames().forEachRemaining(columns::add);
    assertThat(columns)
        .as("a span attribute is in a raw trace row only when selected")
        .containsExactly("duration_nano", "name", "response_status_code", "service.name", "span_id", "timestamp", "trace_id");
  }

  @Test
  void signozV5TracesQueryWithAnUnknownSelectFieldKeyIs400() {
    HttpAnswer answer = queryTraces(Map.of("selectFields", List.of(Map.of("name", "obs.canary.id", "type", "tag"))));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("message").asText()).isEqualTo("unknown field spec.selectFields.type");
  }

  @Test
  void signozV5TracesQueryWithAnUnknownSpecFieldIs400() {
    HttpAnswer answer = queryTraces(Map.of("dataSource", "traces"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("message").asText()).isEqualTo("unknown field spec.dataSource");
  }

  @Test
  void otlpReceiverAnswers405ToGetOnTraces() {
    try (FakeOtlpReceiver receiver = new FakeOtlpReceiver()) {
      assertThat(http.send("GET", URI.create(receiver.baseUri() + "/v1/traces"), Map.of(), null).status()).isEqualTo(405);
    }
  }

  @Test
  void otlpReceiverAnswers405ToGet() {
    try (FakeOtlpReceiver receiver = new FakeOtlpReceiver()) {
      assertThat(http.send("GET", URI.create(receiver.baseUri() + "/v1/logs"), Map.of(), null).status()).isEqualTo(405);
    }
  }

  @Test
  void otlpReceiverRefusesAnUnknownContentType() {
    try (FakeOtlpReceiver receiver = new FakeOtlpReceiver()) {
      assertThat(http.send("POST", URI.create(receiver.baseUri() + "/v1/logs"), Map.of(), Map.of()).status()).isEqualTo(415);
    }
  }
}
