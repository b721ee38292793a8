package com.financereport.cli.fakes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** What a fake answers. */
public record FakeResponse(int status, String contentType, byte[] body) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static FakeResponse json(int status, Object body) {
    try {
      return new FakeResponse(status, "application/json", MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static FakeResponse text(int status, String body) {
    return new FakeResponse(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static FakeResponse empty(int status) {
    return new FakeResponse(status, null, new byte[0]);
  }

  public static FakeResponse bytes(int status, String contentType, byte[] body) {
    return new FakeResponse(status, contentType, body);
  }
}
