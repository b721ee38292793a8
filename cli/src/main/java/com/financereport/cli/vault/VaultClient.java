package com.financereport.cli.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.OperationFailedException;
import com.financereport.cli.http.HttpAnswer;
import com.financereport.cli.http.JsonHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes KV v2 secrets (contracts/vault-kv2.md). */
public final class VaultClient {
  private static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";

  private final JsonHttpClient http;
  private final URI address;
  private final String token;

  public VaultClient(JsonHttpClient http, URI address, String token) {
    this.http = http;
    this.address = address;
    this.token = token;
  }

  /** A client for VAULT_ADDR and VAULT_TOKEN. */
  public static VaultClient fromEnvironment(CliContext context, Duration timeout) {
    String address = context.requiredVariable("VAULT_ADDR", "the Vault server, e.g. https://vault.example.com:8200");
    String token = context.requiredVariable("VAULT_TOKEN", "a Vault token allowed to read and write the secret");
    URI uri;
    try {
      uri = URI.create(address.replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("VAULT_ADDR is not a valid URL");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new ConfigurationException("VAULT_ADDR must look like https://vault.example.com:8200");
    }
    return new VaultClient(new JsonHttpClient(timeout), uri, token);
  }

  /** The secret and its version, or empty when nothing is stored there (404). */
  public Optional<VersionedSecret> read(SecretPath path) {
    HttpAnswer answer = http.send("GET", dataUri(path), headers(), null);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (!answer.successful()) {
      throw failure("read", path, answer);
    }
    JsonNode data = answer.json().path("data");
    Map<String, String> fields = new LinkedHashMap<>();
    data.path("data")
        .fields()
        .forEachRemaining(
            field ->
                fields.put(
                    field.getKey(),
                    field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
    return Optional.of(new VersionedSecret(fields, data.path("metadata").path("version").asInt()));
  }

  /**
   * Replaces the whole secret if its version is still {@code cas} (0: only if absent).
   *
   * @return the new version
   * @throws CasMismatchException when another writer got there first
   */
  public int write(SecretPath path, Map<String, String> fields, int cas) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", fields);
    body.put("options", Map.of("cas", cas));
    HttpAnswer answer = http.send("POST", dataUri(path), headers(), body);
    if (!answer.successful()) {
      List<String> errors = errors(answer);
      if (answer.status() == 400 && errors.stream().anyMatch(e -> e.contains(CAS_MISMATCH))) {
        throw new CasMismatchException("Vault write " + path + ": " + CAS_MISMATCH);
      }
      throw failure("write", path, answer);
    }
    return answer.json().path("data").path("version").asInt();
  }

  private URI dataUri(SecretPath path) {
    return URI.create(address + "/v1/" + path.mount() + "/data/" + path.path());
  }

  private Map<String, String> headers() {
    return Map.of("X-Vault-Token", token);
  }

  private static OperationFailedException failure(String action, SecretPath path, HttpAnswer answer) {
    List<String> errors = errors(answer);
    String reason =
        errors.isEmpty()
            ? switch (answer.status()) {
              case 403 -> "permission denied";
              case 503 -> "Vault is sealed or unavailable";
              default -> "no error message";
            }
            : String.join("; ", errors);
    return new OperationFailedException(
        "Vault " + action + " " + path + " failed: HTTP " + answer.status() + " " + reason);
  }

  private static List<String> errors(HttpAnswer answer) {
    List<String> errors = new ArrayList<>();
    answer.json().path("errors").forEach(e -> errors.add(e.asText()));
    return errors;
  }
}
