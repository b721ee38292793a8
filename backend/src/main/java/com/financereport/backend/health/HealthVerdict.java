package com.financereport.backend.health;

import java.util.Map;

/**
 * Every check's result, in /health order, and whether the service is healthy: true when no
 * required dependency is down (not_configured and a degraded telemetry are fine).
 */
public record HealthVerdict(Map<String, CheckResult> checks, boolean healthy) {
  public HealthVerdict {
    checks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
  }

  /** True when some check, e.g. telemetry, is degraded. */
  public boolean degraded() {
    return checks.values().stream().anyMatch(r -> r.status() == CheckStatus.DEGRADED);
  }
}
