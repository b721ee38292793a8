package com.financereport.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A finished HTTP exchange: the status and the body as text. */
public record HttpAnswer(int status, String body) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The body as JSON, or a missing node when it is empty or not JSON (an HTML error page). */
  public JsonNode json() {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(body);
    } catch (java.io.IOException notJson) {
      return MissingNode.getInstance();
    }
  }
}
