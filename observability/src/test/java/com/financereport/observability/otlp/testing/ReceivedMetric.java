package com.financereport.observability.otlp.testing;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;

/** One metric as the collector received it, with the resource and scope it came under. */
public record ReceivedMetric(Resource resource, InstrumentationScope scope, Metric metric) {
  public String name() {
    return metric.getName();
  }

  /** A resource attribute as a string, or null. */
  public String resourceAttribute(String key) {
    for (KeyValue kv : resource.getAttributesList()) {
      if (kv.getKey().equals(key)) {
        return kv.getValue().getStringValue();
      }
    }
    return null;
  }
}
