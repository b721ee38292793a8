package com.financereport.observability.spring.actuate;

import com.financereport.observability.status.ObservabilitySnapshot;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/observability}: the redacted runtime snapshot, the same one the start-up event
 * logs and the backend's /health carries (service, environment, resource, live export figures;
 * never the endpoint, headers or keys).
 */
@Endpoint(id = "observability")
public final class ObservabilityEndpoint {
  private final Supplier<ObservabilitySnapshot> snapshot;

  public ObservabilityEndpoint(Supplier<ObservabilitySnapshot> snapshot) {
    this.snapshot = snapshot;
  }

  @ReadOperation
  public Map<String, Object> snapshot() {
    return snapshot.get().toMap();
  }
}
