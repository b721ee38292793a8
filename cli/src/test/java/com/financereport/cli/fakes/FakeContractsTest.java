package com.financereport.cli.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.cli.http.HttpAnswer;
import com.financereport.cli.http.JsonHttpClient;
import java.net.URI;
import java.time.Duration;
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
