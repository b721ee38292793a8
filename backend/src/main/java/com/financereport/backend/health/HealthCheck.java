package com.financereport.backend.health;

/**
 * One dependency probe. It returns a result or throws; {@link HealthChecks} adds the latency, the
 * timeout and turns an exception into a short "down" reason.
 */
@FunctionalInterface
public interface HealthCheck {
  CheckResult check() throws Exception;
}
