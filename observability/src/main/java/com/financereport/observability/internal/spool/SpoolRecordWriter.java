package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.json.JsonWriter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a record as the spool's JSON object through the library's {@link JsonWriter}. Values
 * carry a one-letter type tag ({@code s l d b}; {@code sa la da ba} for arrays; {@code a kv bytes}
 * for structured values; {@code v} for a value-typed attribute) because JSON alone cannot tell a
 * long from a double or a string array from a structured one. Scope and resource close every
 * record, so the reader can parse them once per distinct tail. Thread-safe: the only state is a
 * cache of encoded tails.
 */
final class SpoolRecordWriter {
  private static final int UNLIMITED = Integer.MAX_VALUE;
  private static final int CACHED_ORIGINS_LIMIT = 256;
  private static final byte[] NEGATIVE_ZERO = "-0.0".getBytes(StandardCharsets.US_ASCII);

  // The scope-and-resource tail repeats on nearly every record: encoded once per scope.
  private final Map<InstrumentationScopeInfo, EncodedOrigin> origins = new ConcurrentHashMap<>();

  private record EncodedOrigin(Resource resource, byte[] json) {}

  void write(JsonWriter out, LogRecordData record) {
    out.raw(Member.TIME);
    out.number(record.getTimestampEpochNanos());
    out.raw(Member.OBSERVED);
    out.number(record.getObservedTimestampEpochNanos());
    Severity severity = record.getSeverity();
    out.raw(Member.SEVERITY);
    out.number(severity == null ? 0 : severity.getSeverityNumber());
    optionalString(out, Member.SEVERITY_TEXT, record.getSeverityText());
    Value<?> body = record.getBodyValue();
    if (body != null) {
      out.raw(Member.BODY);
      value(out, body);
    }
    out.raw(Member.ATTRIBUTES);
    attributes(out, record.getAttributes());
    if (record.getTotalAttributeCount() != record.getAttributes().size()) {
      out.raw(Member.TOTAL_ATTRIBUTES);
      out.number(record.getTotalAttributeCount());
    }
    SpanContext span = record.getSpanContext();
    if (span != null && span.isValid()) {
      optionalString(out, Member.TRACE_ID, span.getTraceId());
      optionalString(out, Member.SPAN_ID, span.getSpanId());
      optionalString(out, Member.TRACE_FLAGS, span.getTraceFlags().asHex());
    }
    optionalString(out, Member.EVENT_NAME, record.getEventName());
    out.raw(encodedOrigin(record.getInstrumentationScopeInfo(), record.getResource()));
    out.raw((byte) '}');
  }

  /** {@code ,"scope":{…},"resource":{…}}, encoded once per scope and resource. */
  private byte[] encodedOrigin(InstrumentationScopeInfo scope, Resource resource) {
    EncodedOrigin cached = origins.get(scope);
    if (cached != null && cached.resource() == resource) {
      return cached.json();
    }
    JsonWriter out = new JsonWriter(256);
    out.raw(Member.SCOPE_NAME);
    out.string(scope.getName(), UNLIMITED);
    optionalString(out, Member.VERSION, scope.getVersion());
    optionalString(out, Member.SCHEMA_URL, scope.getSchemaUrl());
    if (!scope.getAttributes().isEmpty()) {
      out.raw(Member.ATTRIBUTES);
      attributes(out, scope.getAttributes());
    }
    out.raw(Member.RESOURCE_ATTRIBUTES);
    attributes(out, resource.getAttributes());
    optionalString(out, Member.SCHEMA_URL, resource.getSchemaUrl());
    out.raw((byte) '}');
    byte[] json = out.toByteArray();
    if (origins.size() > CACHED_ORIGINS_LIMIT) {
      origins.clear(); // many distinct scopes: a bound, not a leak
    }
    origins.put(scope, new EncodedOrigin(resource, json));
    return json;
  }

  private static void attributes(JsonWriter out, Attributes attributes) {
    out.raw((byte) '{');
    boolean[] first = {true};
    attributes.forEach(
        (key, value) -> {
          if (!first[0]) {
            out.raw((byte) ',');
          }
          first[0] = false;
          out.string(key.getKey(), UNLIMITED);
          out.raw((byte) ':');
          attribute(out, key, value);
        });
    out.raw((byte) '}');
  }

  private static void attribute(JsonWriter out, AttributeKey<?> key, Object value) {
    out.raw(
        switch (key.getType()) {
          case STRING -> Tag.STRING;
          case LONG -> Tag.LONG;
          case DOUBLE -> Tag.DOUBLE;
          case BOOLEAN -> Tag.BOOLEAN;
          case STRING_ARRAY -> Tag.STRING_ARRAY;
          case LONG_ARRAY -> Tag.LONG_ARRAY;
          case DOUBLE_ARRAY -> Tag.DOUBLE_ARRAY;
          case BOOLEAN_ARRAY -> Tag.BOOLEAN_ARRAY;
          case VALUE -> Tag.VALUE;
        });
    switch (key.getType()) {
      case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, BOOLEAN_ARRAY -> primitiveList(out, (List<?>) value);
      case VALUE -> value(out, (Value<?>) value);
      default -> primitive(out, value);
    }
    out.raw((byte) '}');
  }

  private static void primitiveList(JsonWriter out, List<?> items) {
    out.raw((byte) '[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.raw((byte) ',');
      }
      primitive(out, items.get(i));
    }
    out.raw((byte) ']');
  }

  private static void primitive(JsonWriter out, Object value) {
    if (value instanceof String text) {
      out.string(text, UNLIMITED);
    } else if (value instanceof Long number) {
      out.number((long) number);
    } else if (value instanceof Double number) {
      exactDouble(out, number);
    } else if (value instanceof Boolean flag) {
      out.bool(flag);
    } else {
      throw new IllegalArgumentException("not an attribute value: " + value);
    }
  }

  /** JsonWriter writes whole doubles as integers, which would turn -0.0 into 0; the spool keeps it. */
  private static void exactDouble(JsonWriter out, double value) {
    if (value == 0 && Double.doubleToRawLongBits(value) != 0) {
      out.raw(NEGATIVE_ZERO);
    } else {
      out.number(value); // NaN and the infinities as strings, read back by name
    }
  }

  @SuppressWarnings("unchecked")
  private static void value(JsonWriter out, Value<?> value) {
    switch (value.getType()) {
      case STRING, LONG, DOUBLE, BOOLEAN -> {
        out.raw(
            switch (value.getType()) {
              case STRING -> Tag.STRING;
              case LONG -> Tag.LONG;
              case DOUBLE -> Tag.DOUBLE;
              default -> Tag.BOOLEAN;
            });
        primitive(out, value.getValue());
      }
      case BYTES -> {
        out.raw(Tag.BYTES);
        ByteBuffer buffer = ((ByteBuffer) value.getValue()).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        out.string(Base64.getEncoder().encodeToString(bytes), UNLIMITED);
      }
      case ARRAY -> {
        out.raw(Tag.ARRAY);
        out.raw((byte) '[');
        List<Value<?>> items = (List<Value<?>>) value.getValue();
        for (int i = 0; i < items.size(); i++) {
          if (i > 0) {
            out.raw((byte) ',');
          }
          value(out, items.get(i));
        }
        out.raw((byte) ']');
      }
      case KEY_VALUE_LIST -> {
        out.raw(Tag.KEY_VALUES);
        out.raw((byte) '{');
        List<KeyValue> entries = (List<KeyValue>) value.getValue();
        for (int i = 0; i < entries.size(); i++) {
          if (i > 0) {
            out.raw((byte) ',');
          }
          out.string(entries.get(i).getKey(), UNLIMITED);
          out.raw((byte) ':');
          value(out, entries.get(i).getValue());
        }
        out.raw((byte) '}');
      }
      case EMPTY -> out.raw((byte) '{');
    }
    out.raw((byte) '}');
  }

  private static void optionalString(JsonWriter out, byte[] member, String value) {
    if (value != null) {
      out.raw(member);
      out.string(value, UNLIMITED);
    }
  }

  private static byte[] ascii(String json) {
    return json.getBytes(StandardCharsets.US_ASCII);
  }

  /** The members' names with their punctuation, encoded once. */
  private static final class Member {
    static final byte[] TIME = ascii("{\"time\":");
    static final byte[] OBSERVED = ascii(",\"observed\":");
    static final byte[] SEVERITY = ascii(",\"severity\":");
    static final byte[] SEVERITY_TEXT = ascii(",\"severityText\":");
    static final byte[] BODY = ascii(",\"body\":");
    static final byte[] ATTRIBUTES = ascii(",\"attributes\":");
    static final byte[] TOTAL_ATTRIBUTES = ascii(",\"totalAttributes\":");
    static final byte[] TRACE_ID = ascii(",\"traceId\":");
    static final byte[] SPAN_ID = ascii(",\"spanId\":");
    static final byte[] TRACE_FLAGS = ascii(",\"traceFlags\":");
    static final byte[] EVENT_NAME = ascii(",\"eventName\":");
    static final byte[] SCOPE_NAME = ascii(SpoolRecordReader.SCOPE_MARKER);
    static final byte[] VERSION = ascii(",\"version\":");
    static final byte[] SCHEMA_URL = ascii(",\"schemaUrl\":");
    static final byte[] RESOURCE_ATTRIBUTES = ascii("},\"resource\":{\"attributes\":");
  }

  /** {@code {"<tag>":}, opening a value's one-member object; the caller writes value and brace. */
  private static final class Tag {
    static final byte[] STRING = ascii("{\"s\":");
    static final byte[] LONG = ascii("{\"l\":");
    static final byte[] DOUBLE = ascii("{\"d\":");
    static final byte[] BOOLEAN = ascii("{\"b\":");
    static final byte[] STRING_ARRAY = ascii("{\"sa\":");
    static final byte[] LONG_ARRAY = ascii("{\"la\":");
    static final byte[] DOUBLE_ARRAY = ascii("{\"da\":");
    static final byte[] BOOLEAN_ARRAY = ascii("{\"ba\":");
    static final byte[] VALUE = ascii("{\"v\":");
    static final byte[] BYTES = ascii("{\"bytes\":");
    static final byte[] ARRAY = ascii("{\"a\":");
    static final byte[] KEY_VALUES = ascii("{\"kv\":");
  }
}
