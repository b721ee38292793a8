package com.financereport.observability.otlp.testing;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** One span as the collector received it, with the resource and scope it came under. */
public record ReceivedSpan(Resource resource, InstrumentationScope scope, Span span) {
  public String name() {
    return span.getName();
  }

  public String traceId() {
    return HexFormat.of().formatHex(span.getTraceId().toByteArray());
  }

  public String spanId() {
    return HexFormat.of().formatHex(span.getSpanId().toByteArray());
  }

  public String parentSpanId() {
    return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
  }

  public Span.SpanKind kind() {
    return span.getKind();
  }

  /** The span's attributes by key. */
  public Map<String, AnyValue> attributes() {
    Map<String, AnyValue> map = new LinkedHashMap<>();
    for (KeyValue kv : span.getAttributesList()) {
      map.put(kv.getKey(), kv.getValue());
    }
    return map;
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
