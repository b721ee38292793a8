package com.financereport.cli.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Vault KV version 2, as contracts/vault-kv2.md describes it: token auth (X-Vault-Token or
 * Authorization: Bearer), whole-secret writes with check-and-set, 404 {"errors":[]} for a missing
 * secret, errors always {"errors":[…]}, and /v1/sys/health without a token. Only the mount
 * {@code secret} exists.
 */
public final class FakeVault implements AutoCloseable {
  public static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";

  private final FakeHttpServer server;
  private final Set<String> tokens;
  private final Map<String, List<Map<String, String>>> versions = new HashMap<>();
  private final List<Runnable> beforeWrites = new ArrayList<>();
  private boolean sealed;

  public FakeVault(String... validTokens) {
    this.tokens = Set.of(validTokens);
    this.server = new FakeHttpServer(this::route);
  }

  public URI address() {
    return server.baseUri();
  }

  public FakeHttpServer server() {
    return server;
  }

  /** Stores a version directly, as another writer would; returns the new version. */
  public synchronized int put(String fullPath, Map<String, String> data) {
    List<Map<String, String>> history = versions.computeIfAbsent(fullPath, p -> new ArrayList<>());
    history.add(new TreeMap<>(data));
    return history.size();
  }

  /** The latest stored fields, or null. */
  public synchronized Map<String, String> latest(String fullPath) {
    List<Map<String, String>> history = versions.get(fullPath);
    return history == null ? null : Map.copyOf(history.get(history.size() - 1));
  }

  public synchronized int version(String fullPath) {
    List<Map<String, String>> history = versions.get(fullPath);
    return history == null ? 0 : history.size();
  }

  /** Runs just before the next write is checked: a concurrent writer slipping in. Each call covers one write. */
  public synchronized void beforeNextWrite(Runnable concurrentWriter) {
    beforeWrites.add(concurrentWriter);
  }

  /** The next matching request fails with this status and Vault's error body. */
  public void failNext(String method, int status, String error) {
    server.failNext(method, "/v1/secret/", () -> errors(status, error));
  }

  public void hangNext(String method) {
    server.hangNext(method, "/v1/secret/");
  }

  public synchronized void seal() {
    sealed = true;
  }

  public long writes() {
    return server.requests().stream().filter(r -> r.method().equals("POST")).count();
  }

  private FakeResponse route(RecordedRequest request) {
    if (request.path().equals("/v1/sys/health")) {
      return sealedNow() ? FakeResponse.json(503, Map.of("sealed", true)) : FakeResponse.json(200, Map.of("initialized", true, "sealed", false, "standby", false));
    }
    if (sealedNow()) {
      return errors(503, "Vault is sealed");
    }
    String token = request.header("X-Vault-Token");
    String bearer = request.header("Authorization");
    if (token == null && bearer != null && bearer.startsWith("Bearer ")) {
      token = bearer.substring("Bearer ".length());
    }
    if (token == null || !tokens.contains(token)) {
      return errors(403, "permission denied");
    }
    String prefix = "/v1/secret/data/";
    if (!request.path().startsWith(prefix) || request.path().length() == prefix.length()) {
      return errors(404, "no handler for route \"" + request.path().substring(4) + "\". route entry not found.");
    }
    String fullPath = "secret/" + request.path().substring(prefix.length());
    return switch (request.method()) {
      case "GET" -> read(fullPath);
      case "POST", "PUT" -> write(fullPath, request.json());
      default -> errors(405, "unsupported operation");
    };
  }

  private synchronized boolean sealedNow() {
    return sealed;
  }

  private synchronized FakeResponse read(String fullPath) {
    List<Map<String, String>> history = versions.get(fullPath);
    if (history == null) {
      return FakeResponse.json(404, Map.of("errors", List.of()));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("version", history.size());
    metadata.put("created_time", Instant.now().toString());
    metadata.put("deletion_time", "");
    metadata.put("destroyed", false);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("data", history.get(history.size() - 1));
    data.put("metadata", metadata);
    return FakeResponse.json(200, Map.of("data", data));
  }

  private FakeResponse write(String fullPath, JsonNode body) {
    Runnable concurrentWriter;
    synchronized (this) {
      concurrentWriter = beforeWrites.isEmpty() ? null : beforeWrites.remove(0);
    }
    if (concurrentWriter != null) {
      concurrentWriter.run();
    }
    synchronized (this) {
      if (body == null || !body.path("data").isObject()) {
        return errors(400, "no data provided");
      }
      int current = version(fullPath);
      JsonNode cas = body.path("options").path("cas");
      if (!cas.isMissingNode() && cas.asInt() != current) {
        return errors(400, CAS_MISMATCH);
      }
      Map<String, String> data = new TreeMap<>();
      body.get("data").fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
      int version = put(fullPath, data);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("version", version);
      answer.put("created_time", Instant.now().toString());
      answer.put("deletion_time", "");
      answer.put("destroyed", false);
      return FakeResponse.json(200, Map.of("data", answer));
    }
  }

  private static FakeResponse errors(int status, String error) {
    return FakeResponse.json(status, Map.of("errors", List.of(error)));
  }

  @Override
  public void close() {
    server.close();
  }
}
