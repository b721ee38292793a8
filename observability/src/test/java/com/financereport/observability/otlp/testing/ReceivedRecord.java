package com.financereport.observability.otlp.testing;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One log record as the collector received it, with the resource and scope it came under. */
public record ReceivedRecord(Resource resource, InstrumentationScope scope, LogRecord record) {

  public String body() {
    return record.getBody().getStringValue();
  }

  /** The record's attributes by key. */
  public Map<String, AnyValue> attributes() {
    return toMap(record.getAttributesList());
  }

  /** The resource's attributes by key. */
  public Map<String, AnyValue> resourceAttributes() {
    return toMap(resource.getAttributesList());
  }

  /** A string attribute, or null. */
  public String attribute(String key) {
    AnyValue value = attributes().get(key);
    return value == null ? null : value.getStringValue();
  }

  /** A string resource attribute, or null. */
  public String resourceAttribute(String key) {
    AnyValue value = resourceAttributes().get(key);
    return value == null ? null : value.getStringValue();
  }

  /** The whole record in protobuf text form: what a grep for a secret must not find. */
  public String wireText() {
    return record.toString();
  }

  private static Map<String, AnyValue> toMap(List<KeyValue> list) {
    Map<String, AnyValue> map = new LinkedHashMap<>();
    for (KeyValue kv : list) {
      map.put(kv.getKey(), kv.getValue());
    }
    return map;
  }
}
