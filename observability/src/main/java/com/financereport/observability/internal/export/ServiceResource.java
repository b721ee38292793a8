package com.financereport.observability.internal.export;

import com.financereport.observability.settings.ObservabilitySettings;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;

/** The one OTel resource of a process: logs, spans and metrics describe the same service. */
public final class ServiceResource {
  private ServiceResource() {}

  /** Exactly the settings' resource, which the stdout line writes too. */
  public static Resource of(ObservabilitySettings settings) {
    AttributesBuilder attributes = Attributes.builder();
    settings.resource().forEach(attributes::put);
    return Resource.create(attributes.build());
  }
}
