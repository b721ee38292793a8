package com.financereport.cli.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request a fake received, kept so tests can assert on what the CLI sent. */
public record RecordedRequest(
    String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The first value of a header, case-insensitively, or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; a missing node when it is not JSON. */
  public JsonNode json() {
    try {
      return body.length == 0 ? MissingNode.getInstance() : MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  public Map<String, String> queryParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query == null) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.put(key, value);
    }
    return parameters;
  }
}
