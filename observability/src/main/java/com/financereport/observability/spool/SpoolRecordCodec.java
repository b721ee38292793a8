package com.financereport.observability.spool;

import com.financereport.observability.otlp.record.ExportRecord;
import com.financereport.observability.spool.RecentOrigins.Origin;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * One log record as one line of JSON, readable with {@code jq}:
 *
 * <pre>{"crc32c":"1a2b3c4d","record":{"time":…,"observed":…,"severity":9,"severityText":"INFO",
 * "body":{"s":"text"},"attributes":{"key":{"s":"v"}},"traceId":"…","spanId":"…","traceFlags":"01",
 * "scope":{"name":"…","version":"…"},"resource":{"attributes":{…}}}}</pre>
 *
 * The checksum is the CRC32C of the {@code record} object's UTF-8 bytes exactly as written, so a
 * torn or altered line is detected before it is parsed. Values carry a one-letter type tag
 * ({@code s l d b} for string, long, double, boolean; {@code sa la da ba} for their arrays; {@code
 * a kv bytes} for structured values; {@code v} for a value-typed attribute) because JSON alone
 * cannot tell a long from a double or a string array from a structured one.
 */
final class SpoolRecordCodec {
  static final String PREFIX_START = "{\"crc32c\":\"";
  static final String PREFIX_END = "\",\"record\":";
  private static final int CHECKSUM_DIGITS = 8;
  private static final int PREFIX_LENGTH =
      PREFIX_START.length() + CHECKSUM_DIGITS + PREFIX_END.length();
  private static final Severity[] SEVERITY_BY_NUMBER = severityByNumber();
  private static final int INTERNED_LIMIT = 256;
  private static final int RECENT_ORIGINS = 32;
  private static final String CHECKSUM_PLACEHOLDER = "00000000";
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SCOPE_MARKER =
      ",\"scope\":{\"name\":".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_RETAINED_BUFFER = 64 * 1024;
  private static final ThreadLocal<StringBuilder> WRITE_BUFFER =
      ThreadLocal.withInitial(() -> new StringBuilder(1024));

  // The OTLP marshaler groups records by resource and scope instance: replayed records must share
  // instances, or every record becomes its own group and the request loses its order and grows.
  private final Map<Resource, Resource> resources = new ConcurrentHashMap<>();
  private final Map<InstrumentationScopeInfo, InstrumentationScopeInfo> scopes =
      new ConcurrentHashMap<>();
  // Written scope and resource JSON by scope, and parsed ones by their bytes: both repeat per record.
  private final Map<InstrumentationScopeInfo, EncodedOrigin> encodedOrigins =
      new ConcurrentHashMap<>();
  private final RecentOrigins origins = new RecentOrigins(RECENT_ORIGINS);

  /** The full line, newline included, as UTF-8. */
  byte[] encodeLine(LogRecordData record) {
    StringBuilder json = WRITE_BUFFER.get();
    json.setLength(0);
    json.append(PREFIX_START).append(CHECKSUM_PLACEHOLDER).append(PREFIX_END);
    writeRecord(json, record);
    json.append("}\n");
    if (json.length() > MAX_RETAINED_BUFFER) {
      WRITE_BUFFER.remove(); // one huge record must not pin its buffer to the thread
    }
    byte[] line = json.toString().getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(line, PREFIX_LENGTH, line.length - PREFIX_LENGTH - 2);
    long checksum = crc.getValue();
    for (int digit = CHECKSUM_DIGITS - 1; digit >= 0; digit--) {
      line[PREFIX_START.length() + digit] = HEX_DIGITS[(int) (checksum & 0xf)];
      checksum >>>= 4;
    }
    return line;
  }

  /**
   * Rebuilds the record from one line (without its newline).
   *
   * @throws CorruptRecordException when the checksum fails or the JSON does not describe a record
   */
  LogRecordData decodeLine(byte[] line, int offset, int length) {
    if (length < PREFIX_LENGTH + 3
        || line[offset + length - 1] != '}'
        || !new String(line, offset, PREFIX_START.length(), StandardCharsets.US_ASCII)
            .equals(PREFIX_START)) {
      throw new CorruptRecordException("not a spool line");
    }
    long expected;
    try {
      expected =
          Long.parseLong(
              new String(
                  line, offset + PREFIX_START.length(), CHECKSUM_DIGITS, StandardCharsets.US_ASCII),
              16);
    } catch (NumberFormatException e) {
      throw new CorruptRecordException("unreadable checksum");
    }
    int recordStart = offset + PREFIX_LENGTH;
    int recordEnd = offset + length - 1; // the line's own closing brace follows the record
    CRC32C crc = new CRC32C();
    crc.update(line, recordStart, recordEnd - recordStart);
    if (crc.getValue() != expected) {
      throw new CorruptRecordException("checksum mismatch");
    }
    try {
      RecentOrigins.Entry known = originTail(line, recordStart, recordEnd);
      if (known == null) {
        Map<String, Object> json = asObject(parse(line, recordStart, recordEnd, ""));
        return readRecord(json, origin(asObject(json.get("scope")), asObject(json.get("resource"))));
      }
      int tailStart = recordEnd - known.length();
      return readRecord(asObject(parse(line, recordStart, tailStart, "", "}")), known.origin());
    } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
      throw new CorruptRecordException("not a log record: " + e.getMessage());
    }
  }

  private static Object parse(byte[] line, int start, int end, String before) {
    return parse(line, start, end, before, "");
  }

  private static Object parse(byte[] line, int start, int end, String before, String after) {
    return SpoolJsonParser.parse(
        before + new String(line, start, end - start, StandardCharsets.UTF_8) + after);
  }

  /**
   * The scope-and-resource tail this record ends with, parsed once per distinct tail; null when the
   * record has none (then the whole record is parsed).
   */
  private RecentOrigins.Entry originTail(byte[] line, int recordStart, int recordEnd) {
    synchronized (origins) {
      RecentOrigins.Entry known = origins.matchingEnd(line, recordStart, recordEnd);
      if (known != null) {
        return known;
      }
      int tailStart = scopeAndResourceStart(line, recordStart, recordEnd);
      if (tailStart < 0) {
        return null;
      }
      // "{" + the tail without its leading comma: {"scope":{…},"resource":{…}}
      Map<String, Object> tail = asObject(parse(line, tailStart + 1, recordEnd, "{"));
      Origin origin = origin(asObject(tail.get("scope")), asObject(tail.get("resource")));
      return origins.remember(line, tailStart, recordEnd, origin);
    }
  }

  /**
   * Where {@code ,"scope":{"name":} starts, or -1. Scope and resource close every record and are
   * the same for most records, so they are parsed once and looked up after that. The marker cannot
   * occur earlier by accident: inside a string every quote is escaped, and an attribute named
   * "scope" holds a type-tagged object ({@code {"s":…}}), never {@code {"name":…}}.
   */
  private static int scopeAndResourceStart(byte[] line, int from, int to) {
    outer:
    for (int i = to - SCOPE_MARKER.length; i >= from; i--) {
      for (int j = 0; j < SCOPE_MARKER.length; j++) {
        if (line[i + j] != SCOPE_MARKER[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // ---- writing -------------------------------------------------------------------------------

  private void writeRecord(StringBuilder out, LogRecordData record) {
    out.append("{\"time\":").append(record.getTimestampEpochNanos());
    out.append(",\"observed\":").append(record.getObservedTimestampEpochNanos());
    Severity severity = record.getSeverity();
    out.append(",\"severity\":").append(severity == null ? 0 : severity.getSeverityNumber());
    if (record.getSeverityText() != null) {
      out.append(",\"severityText\":");
      SpoolJsonWriter.string(out, record.getSeverityText());
    }
    Value<?> body = record.getBodyValue();
    if (body != null) {
      out.append(",\"body\":");
      writeValue(out, body);
    }
    out.append(",\"attributes\":");
    writeAttributes(out, record.getAttributes());
    if (record.getTotalAttributeCount() != record.getAttributes().size()) {
      out.append(",\"totalAttributes\":").append(record.getTotalAttributeCount());
    }
    SpanContext span = record.getSpanContext();
    if (span != null && span.isValid()) {
      out.append(",\"traceId\":\"").append(span.getTraceId());
      out.append("\",\"spanId\":\"").append(span.getSpanId());
      out.append("\",\"traceFlags\":\"").append(span.getTraceFlags().asHex()).append('"');
    }
    if (record.getEventName() != null) {
      out.append(",\"eventName\":");
      SpoolJsonWriter.string(out, record.getEventName());
    }
    out.append(encodedOrigin(record.getInstrumentationScopeInfo(), record.getResource()));
    out.append('}');
  }

  /** {@code ,"scope":{…},"resource":{…}}, written once per scope and resource. */
  private String encodedOrigin(InstrumentationScopeInfo scope, Resource resource) {
    EncodedOrigin cached = encodedOrigins.get(scope);
    if (cached != null && cached.resource() == resource) {
      return cached.json();
    }
    StringBuilder out = new StringBuilder(256);
    out.append(",\"scope\":{\"name\":");
    SpoolJsonWriter.string(out, scope.getName());
    optionalString(out, "version", scope.getVersion());
    optionalString(out, "schemaUrl", scope.getSchemaUrl());
    if (!scope.getAttributes().isEmpty()) {
      out.append(",\"attributes\":");
      writeAttributes(out, scope.getAttributes());
    }
    out.append("},\"resource\":{\"attributes\":");
    writeAttributes(out, resource.getAttributes());
    optionalString(out, "schemaUrl", resource.getSchemaUrl());
    out.append('}');
    String json = out.toString();
    if (encodedOrigins.size() > INTERNED_LIMIT) {
      encodedOrigins.clear(); // many distinct scopes: a bound, not a leak
    }
    encodedOrigins.put(scope, new EncodedOrigin(resource, json));
    return json;
  }

  private record EncodedOrigin(Resource resource, String json) {}

  private static void optionalString(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append(",\"").append(name).append("\":");
      SpoolJsonWriter.string(out, value);
    }
  }

  private static void writeAttributes(StringBuilder out, Attributes attributes) {
    out.append('{');
    boolean[] first = {true};
    attributes.forEach(
        (key, value) -> {
          if (!first[0]) {
            out.append(',');
          }
          first[0] = false;
          SpoolJsonWriter.string(out, key.getKey());
          out.append(":{\"");
          writeTypedAttribute(out, key.getType(), value);
          out.append('}');
        });
    out.append('}');
  }

  private static void writeTypedAttribute(StringBuilder out, AttributeType type, Object value) {
    switch (type) {
      case STRING -> {
        out.append("s\":");
        SpoolJsonWriter.string(out, (String) value);
      }
      case LONG -> out.append("l\":").append((long) (Long) value);
      case DOUBLE -> {
        out.append("d\":");
        SpoolJsonWriter.number(out, (Double) value);
      }
      case BOOLEAN -> out.append("b\":").append((boolean) (Boolean) value);
      case STRING_ARRAY -> {
        out.append("sa\":");
        writeList(out, (List<?>) value, (o, item) -> SpoolJsonWriter.string(o, (String) item));
      }
      case LONG_ARRAY -> {
        out.append("la\":");
        writeList(out, (List<?>) value, (o, item) -> o.append((long) (Long) item));
      }
      case DOUBLE_ARRAY -> {
        out.append("da\":");
        writeList(out, (List<?>) value, (o, item) -> SpoolJsonWriter.number(o, (Double) item));
      }
      case BOOLEAN_ARRAY -> {
        out.append("ba\":");
        writeList(out, (List<?>) value, (o, item) -> o.append((boolean) (Boolean) item));
      }
      case VALUE -> {
        out.append("v\":");
        writeValue(out, (Value<?>) value);
      }
    }
  }

  private interface ItemWriter {
    void write(StringBuilder out, Object item);
  }

  private static void writeList(StringBuilder out, List<?> items, ItemWriter writer) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writer.write(out, items.get(i));
    }
    out.append(']');
  }

  @SuppressWarnings("unchecked")
  private static void writeValue(StringBuilder out, Value<?> value) {
    switch (value.getType()) {
      case STRING -> {
        out.append("{\"s\":");
        SpoolJsonWriter.string(out, (String) value.getValue());
      }
      case LONG -> out.append("{\"l\":").append((long) (Long) value.getValue());
      case DOUBLE -> {
        out.append("{\"d\":");
        SpoolJsonWriter.number(out, (Double) value.getValue());
      }
      case BOOLEAN -> out.append("{\"b\":").append((boolean) (Boolean) value.getValue());
      case BYTES -> {
        ByteBuffer buffer = ((ByteBuffer) value.getValue()).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        out.append("{\"bytes\":\"").append(Base64.getEncoder().encodeToString(bytes)).append('"');
      }
      case ARRAY -> {
        out.append("{\"a\":");
        writeList(
            out, (List<Value<?>>) value.getValue(), (o, item) -> writeValue(o, (Value<?>) item));
      }
      case KEY_VALUE_LIST -> {
        out.append("{\"kv\":{");
        List<KeyValue> entries = (List<KeyValue>) value.getValue();
        for (int i = 0; i < entries.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          SpoolJsonWriter.string(out, entries.get(i).getKey());
          out.append(':');
          writeValue(out, entries.get(i).getValue());
        }
        out.append('}');
      }
      case EMPTY -> {
        out.append('{');
      }
    }
    out.append('}');
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The scope and resource of a record, interned: replayed records share instances. */
  private Origin origin(Map<String, Object> scopeJson, Map<String, Object> resourceJson) {
    var scope = InstrumentationScopeInfo.builder((String) scopeJson.get("name"));
    if (scopeJson.get("version") != null) {
      scope.setVersion((String) scopeJson.get("version"));
    }
    if (scopeJson.get("schemaUrl") != null) {
      scope.setSchemaUrl((String) scopeJson.get("schemaUrl"));
    }
    if (scopeJson.get("attributes") != null) {
      scope.setAttributes(readAttributes(asObject(scopeJson.get("attributes"))));
    }
    Resource resource =
        Resource.create(
            readAttributes(asObject(resourceJson.get("attributes"))),
            (String) resourceJson.get("schemaUrl"));
    return new Origin(intern(scopes, scope.build()), intern(resources, resource));
  }

  private LogRecordData readRecord(Map<String, Object> json, Origin origin) {
    Attributes attributes = readAttributes(asObject(json.get("attributes")));
    Object total = json.get("totalAttributes");
    SpanContext span = SpanContext.getInvalid();
    if (json.get("traceId") != null) {
      span =
          SpanContext.create(
              (String) json.get("traceId"),
              (String) json.get("spanId"),
              TraceFlags.fromHex((String) json.get("traceFlags"), 0),
              TraceState.getDefault());
    }
    Object body = json.get("body");
    return new ExportRecord(
        origin.resource(),
        origin.scope(),
        (Long) json.get("time"),
        (Long) json.get("observed"),
        span,
        severity((Long) json.get("severity")),
        (String) json.get("severityText"),
        body == null ? null : readValue(asObject(body)),
        attributes,
        total == null ? attributes.size() : Math.toIntExact((Long) total),
        (String) json.get("eventName"));
  }

  private static <T> T intern(Map<T, T> interned, T value) {
    if (interned.size() > INTERNED_LIMIT) {
      interned.clear(); // many distinct resources or scopes: a bound, not a leak
    }
    T existing = interned.putIfAbsent(value, value);
    return existing != null ? existing : value;
  }

  private static Severity severity(long number) {
    if (number < 0 || number >= SEVERITY_BY_NUMBER.length || SEVERITY_BY_NUMBER[(int) number] == null) {
      return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
    return SEVERITY_BY_NUMBER[(int) number];
  }

  private static Attributes readAttributes(Map<String, Object> json) {
    AttributesBuilder builder = Attributes.builder();
    for (Map.Entry<String, Object> entry : json.entrySet()) {
      Map<String, Object> typed = asObject(entry.getValue());
      if (typed.size() != 1) {
        throw new IllegalArgumentException("attribute without one type tag");
      }
      Map.Entry<String, Object> tagged = typed.entrySet().iterator().next();
      String key = entry.getKey();
      Object v = tagged.getValue();
      switch (tagged.getKey()) {
        case "s" -> builder.put(AttributeKey.stringKey(key), (String) v);
        case "l" -> builder.put(AttributeKey.longKey(key), (Long) v);
        case "d" -> builder.put(AttributeKey.doubleKey(key), toDouble(v));
        case "b" -> builder.put(AttributeKey.booleanKey(key), (Boolean) v);
        case "sa" -> builder.put(AttributeKey.stringArrayKey(key), castList(v, String.class));
        case "la" -> builder.put(AttributeKey.longArrayKey(key), castList(v, Long.class));
        case "ba" -> builder.put(AttributeKey.booleanArrayKey(key), castList(v, Boolean.class));
        case "da" -> {
          List<Double> doubles = new ArrayList<>();
          for (Object item : (List<?>) v) {
            doubles.add(toDouble(item));
          }
          builder.put(AttributeKey.doubleArrayKey(key), doubles);
        }
        case "v" -> builder.put(AttributeKey.valueKey(key), readValue(asObject(v)));
        default -> throw new IllegalArgumentException("unknown attribute type " + tagged.getKey());
      }
    }
    return builder.build();
  }

  private static Value<?> readValue(Map<String, Object> json) {
    if (json.isEmpty()) {
      return Value.empty();
    }
    Map.Entry<String, Object> tagged = json.entrySet().iterator().next();
    Object v = tagged.getValue();
    return switch (tagged.getKey()) {
      case "s" -> Value.of((String) v);
      case "l" -> Value.of((long) (Long) v);
      case "d" -> Value.of(toDouble(v));
      case "b" -> Value.of((boolean) (Boolean) v);
      case "bytes" -> Value.of(Base64.getDecoder().decode((String) v));
      case "a" -> {
        List<Value<?>> items = new ArrayList<>();
        for (Object item : (List<?>) v) {
          items.add(readValue(asObject(item)));
        }
        yield Value.of(items);
      }
      case "kv" -> {
        Map<String, Value<?>> entries = new LinkedHashMap<>();
        asObject(v).forEach((k, item) -> entries.put(k, readValue(asObject(item))));
        yield Value.of(entries);
      }
      default -> throw new IllegalArgumentException("unknown value type " + tagged.getKey());
    };
  }

  private static double toDouble(Object v) {
    if (v instanceof String s) {
      return Double.parseDouble(s); // NaN, Infinity, -Infinity
    }
    return ((Number) v).doubleValue();
  }

  private static <T> List<T> castList(Object v, Class<T> type) {
    List<T> items = new ArrayList<>();
    for (Object item : (List<?>) v) {
      items.add(type.cast(item));
    }
    return items;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object json) {
    if (!(json instanceof Map)) {
      throw new IllegalArgumentException("expected an object");
    }
    return (Map<String, Object>) json;
  }

  private static Severity[] severityByNumber() {
    Severity[] byNumber = new Severity[25];
    for (Severity severity : Severity.values()) {
      byNumber[severity.getSeverityNumber()] = severity;
    }
    return byNumber;
  }
}
