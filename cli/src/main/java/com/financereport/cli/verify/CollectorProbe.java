package com.financereport.cli.verify;

import com.financereport.cli.OperationFailedException;
import com.financereport.cli.http.HttpAnswer;
import com.financereport.cli.http.JsonHttpClient;
import com.financereport.cli.output.CheckResult;
import java.net.URI;
import java.util.Map;

/**
 * Cheap reachability checks of an OTel collector: its OTLP/HTTP receiver answers 405 to a GET on
 * /v1/logs (contracts/otlp-http.md), and its health-check extension answers 200 on :13133.
 */
public final class CollectorProbe {
  private final JsonHttpClient http;

  public CollectorProbe(JsonHttpClient http) {
    this.http = http;
  }

  /** The logs URL for an OTLP base endpoint: {@code /v1/logs} appended once. */
  public static URI logsEndpoint(String endpoint) {
    return signalEndpoint(endpoint, "/v1/logs");
  }

  /** A signal's URL for an OTLP base endpoint (or another signal's URL): {@code signalPath} appended once. */
  public static URI signalEndpoint(String endpoint, String signalPath) {
    String base = endpoint.trim().replaceAll("/+$", "").replaceFirst("/v1/(logs|traces|metrics)$", "");
    return URI.create(base + signalPath);
  }

  public CheckResult otlpReceiver(String name, URI logsEndpoint) {
    try {
      HttpAnswer answer = http.send("GET", logsEndpoint, Map.of(), null);
      if (answer.status() == 405) {
        return CheckResult.ok(name, "GET " + logsEndpoint.getPath() + " answered 405: the OTLP/HTTP receiver is listening");
      }
      return CheckResult.fail(name, "GET " + logsEndpoint + " answered " + answer.status() + ", expected 405 from an OTLP receiver");
    } catch (OperationFailedException e) {
      return CheckResult.fail(name, e.getMessage());
    }
  }

  public CheckResult health(String name, URI healthUrl) {
    try {
      HttpAnswer answer = http.send("GET", healthUrl, Map.of(), null);
      return answer.status() == 200
          ? CheckResult.ok(name, "health check answered 200")
          : CheckResult.fail(name, "GET " + healthUrl + " answered " + answer.status());
    } catch (OperationFailedException e) {
      return CheckResult.fail(name, e.getMessage());
    }
  }
}
