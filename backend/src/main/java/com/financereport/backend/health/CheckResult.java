package com.financereport.backend.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one check.
 *
 * @param latencyMillis how long the check took, null when it did not run
 * @param error a short reason when not up, never a secret; null otherwise
 */
public record CheckResult(CheckStatus status, Long latencyMillis, String error) {

  public static CheckResult up() {
    return new CheckResult(CheckStatus.UP, null, null);
  }

  public static CheckResult down(String error) {
    return new CheckResult(CheckStatus.DOWN, null, error);
  }

  public static CheckResult degraded(String error) {
    return new CheckResult(CheckStatus.DEGRADED, null, error);
  }

  public static CheckResult notConfigured() {
    return new CheckResult(CheckStatus.NOT_CONFIGURED, null, null);
  }

  CheckResult withLatency(long millis) {
    return new CheckResult(status, millis, error);
  }

  /** The JSON shape: {"status":…, "latency_ms":…, "error":…}, absent members omitted. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("status", status.wireName());
    if (latencyMillis != null) {
      map.put("latency_ms", latencyMillis);
    }
    if (error != null) {
      map.put("error", error);
    }
    return map;
  }
}
