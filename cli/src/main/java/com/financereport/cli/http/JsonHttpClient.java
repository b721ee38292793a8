package com.financereport.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.cli.OperationFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one JSON request and returns the answer, whatever its status. Transport failures (refused,
 * timed out) become a one-line {@link OperationFailedException} naming the request but never its
 * headers, which carry the credentials.
 */
public final class JsonHttpClient {
  private final HttpClient client;
  private final Duration timeout;
  private final ObjectMapper mapper = new ObjectMapper();

  public JsonHttpClient(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            // HTTP/1.1: no h2c upgrade dance with plain-http servers such as a local Vault or collector.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * @param body serialised as JSON; null sends no body
   */
  public HttpAnswer send(String method, URI uri, Map<String, String> headers, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
    headers.forEach(request::header);
    request.header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
    }
    String what = method + " " + withoutQuery(uri);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new HttpAnswer(response.statusCode(), response.body());
    } catch (HttpTimeoutException e) {
      throw new OperationFailedException(what + ": no answer within " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      throw new OperationFailedException(what + ": cannot connect (" + e.getClass().getSimpleName() + ")");
    } catch (IOException e) {
      throw new OperationFailedException(what + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationFailedException(what + ": interrupted");
    }
  }

  private String toJson(Object body) {
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body is not serialisable", e);
    }
  }

  /** Query strings may carry an e-mail or a token; error messages show the path only. */
  private static String withoutQuery(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
