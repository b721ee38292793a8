package com.financereport.cli.signoz;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** API keys up to SigNoz v0.117: personal access tokens at /api/v1/pats (admin only). */
final class PersonalAccessTokenApi implements ApiKeyApi {
  private final SignozConnection connection;
  private final Clock clock;

  PersonalAccessTokenApi(SignozConnection connection) {
    this(connection, Clock.systemUTC());
  }

  PersonalAccessTokenApi(SignozConnection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  @Override
  public CreatedApiKey create(String name, Role role, int expiryDays) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("role", role.patRole());
    body.put("expiresInDays", expiryDays);
    JsonNode data = connection.post("/api/v1/pats", body);
    return new CreatedApiKey(
        data.path("id").asText(), data.path("name").asText(name), data.path("token").asText(), null);
  }

  @Override
  public List<ApiKey> list() {
    List<ApiKey> keys = new ArrayList<>();
    for (JsonNode pat : connection.get("/api/v1/pats")) {
      if (pat.path("revoked").asBoolean(false) || ApiKey.expired(pat.path("expiresAt").asLong(0), clock)) {
        continue;
      }
      keys.add(
          new ApiKey(
              pat.path("id").asText(),
              pat.path("name").asText(),
              pat.path("role").asText(),
              pat.path("expiresAt").asLong(0),
              null,
              null));
    }
    return keys;
  }

  @Override
  public void revoke(ApiKey key) {
    connection.delete("/api/v1/pats/" + key.id());
  }

  @Override
  public void probe(String key) {
    KeyProbe.requireAccepted(connection.withApiKey(key), "/api/v1/pats");
  }

  @Override
  public String generation() {
    return "personal access tokens";
  }
}
