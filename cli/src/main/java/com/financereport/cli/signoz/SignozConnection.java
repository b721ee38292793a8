package com.financereport.cli.signoz;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.cli.http.HttpAnswer;
import com.financereport.cli.http.JsonHttpClient;
import java.net.URI;
import java.util.Map;

/**
 * Talks to one SigNoz instance with one set of credentials and unwraps its envelope
 * ({"status":"success","data":…} or {"status":"error","error":{type,code,message}}).
 */
public final class SignozConnection {
  private final JsonHttpClient http;
  private final URI base;
  private final Map<String, String> authHeaders;

  SignozConnection(JsonHttpClient http, URI base, Map<String, String> authHeaders) {
    this.http = http;
    this.base = base;
    this.authHeaders = Map.copyOf(authHeaders);
  }

  /** A connection without credentials, for the open health, version and login endpoints. */
  public static SignozConnection anonymous(JsonHttpClient http, URI base) {
    return new SignozConnection(http, base, Map.of());
  }

  /** The same instance, authenticated with an API key. */
  public SignozConnection withApiKey(String apiKey) {
    return new SignozConnection(http, base, Map.of("SIGNOZ-API-KEY", apiKey));
  }

  SignozConnection withAccessToken(String accessToken) {
    return new SignozConnection(http, base, Map.of("Authorization", "Bearer " + accessToken));
  }

  public URI base() {
    return base;
  }

  public SignozVersion version() {
    return SignozVersion.parse(data("GET", "/api/v1/version", null).path("version").asText(null));
  }

  public JsonNode get(String path) {
    return data("GET", path, null);
  }

  public JsonNode post(String path, Object body) {
    return data("POST", path, body);
  }

  public JsonNode delete(String path) {
    return data("DELETE", path, null);
  }

  /** The answer as it came, whatever its status: for probes that read the status themselves. */
  public HttpAnswer exchange(String method, String path, Object body) {
    return http.send(method, base.resolve(path), authHeaders, body);
  }

  /**
   * The {@code data} member of a successful answer; the open endpoints are not enveloped, so
   * their whole body is returned.
   */
  private JsonNode data(String method, String path, Object body) {
    HttpAnswer answer = exchange(method, path, body);
    JsonNode json = answer.json();
    if (!answer.successful()) {
      throw failure(method, path, answer.status(), json);
    }
    if ("error".equals(json.path("status").asText())) {
      throw failure(method, path, answer.status(), json);
    }
    return json.has("data") && json.has("status") ? json.get("data") : json;
  }

  private static SignozApiException failure(String method, String path, int status, JsonNode json) {
    JsonNode error = json.path("error");
    String message =
        error.isObject() ? error.path("message").asText("") : error.asText("");
    if (message.isEmpty()) {
      message = json.path("message").asText("");
    }
    String type = error.isObject() ? error.path("type").asText("") : "";
    StringBuilder line =
        new StringBuilder("SigNoz ").append(method).append(' ').append(stripQuery(path)).append(" failed: HTTP ").append(status);
    if (!type.isEmpty()) {
      line.append(' ').append(type);
    }
    line.append(message.isEmpty() ? " (no error message)" : ": " + message.replaceAll("\\s+", " "));
    return new SignozApiException(status, line.toString());
  }

  private static String stripQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
