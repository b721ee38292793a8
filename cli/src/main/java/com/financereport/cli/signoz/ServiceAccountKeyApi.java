package com.financereport.cli.signoz;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.cli.OperationFailedException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API keys from SigNoz v0.118: keys belong to service accounts. {@code create} makes (or reuses)
 * the account named {@code name}, gives it the requested managed role (an existing account too, so
 * {@code --role} is never ignored), and adds a key named {@code name-yyyyMMddHHmmssSSS}, so a
 * rotation never collides with the key it replaces.
 */
final class ServiceAccountKeyApi implements ApiKeyApi {
  private static final DateTimeFormatter KEY_SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private final SignozConnection connection;
  private final SignozVersion version;
  private final Clock clock;

  ServiceAccountKeyApi(SignozConnection connection, SignozVersion version) {
    this(connection, version, Clock.systemUTC());
  }

  ServiceAccountKeyApi(SignozConnection connection, SignozVersion version, Clock clock) {
    this.connection = connection;
    this.version = version;
    this.clock = clock;
  }

  @Override
  public CreatedApiKey create(String name, Role role, int expiryDays) {
    String accountId = existingAccountId(name);
    if (accountId == null) {
      accountId = connection.post("/api/v1/service_accounts", Map.of("name", name)).path("id").asText();
    }
    assignRole(accountId, role);
    String keyName = name + "-" + KEY_SUFFIX.format(clock.instant());
    long expiresAt = expiryDays == 0 ? 0 : clock.instant().getEpochSecond() + expiryDays * 86_400L;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", keyName);
    body.put("expiresAt", expiresAt);
    JsonNode key = connection.post("/api/v1/service_accounts/" + accountId + "/keys", body);
    return new CreatedApiKey(key.path("id").asText(), keyName, key.path("key").asText(), accountId);
  }

  private String existingAccountId(String name) {
    for (JsonNode account : connection.get("/api/v1/service_accounts")) {
      if (name.equals(account.path("name").asText())) {
        return account.path("id").asText();
      }
    }
    return null;
  }

  private void assignRole(String accountId, Role role) {
    String roleId = null;
    for (JsonNode managed : connection.get("/api/v1/roles")) {
      if (role.managedRoleName().equals(managed.path("name").asText())) {
        roleId = managed.path("id").asText();
      }
    }
    if (roleId == null) {
      throw new OperationFailedException("SigNoz has no managed role " + role.managedRoleName());
    }
    if (version.hasServiceAccountRolesEndpoint()) {
      connection.post(
          "/api/v1/service_account_roles", Map.of("serviceAccountId", accountId, "roleId", roleId));
    } else {
      connection.post("/api/v1/service_accounts/" + accountId + "/roles", Map.of("id", roleId));
    }
  }

  @Override
  public List<ApiKey> list() {
    List<ApiKey> keys = new ArrayList<>();
    for (JsonNode account : connection.get("/api/v1/service_accounts")) {
      String accountId = account.path("id").asText();
      for (JsonNode key : connection.get("/api/v1/service_accounts/" + accountId + "/keys")) {
        if (ApiKey.expired(key.path("expiresAt").asLong(0), clock)) {
          continue;
        }
        keys.add(
            new ApiKey(
                key.path("id").asText(),
                key.path("name").asText(),
                "",
                key.path("expiresAt").asLong(0),
                accountId,
                account.path("name").asText()));
      }
    }
    return keys;
  }

  @Override
  public void revoke(ApiKey key) {
    connection.delete("/api/v1/service_accounts/" + key.ownerId() + "/keys/" + key.id());
  }

  @Override
  public void probe(String key) {
    KeyProbe.requireAccepted(connection.withApiKey(key), "/api/v1/service_accounts");
  }

  @Override
  public String generation() {
    return "service accounts";
  }
}
