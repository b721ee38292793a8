package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.record.ExportRecord;
import com.financereport.observability.internal.spool.RecentOrigins.Origin;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a record from the JSON object {@link SpoolRecordWriter} wrote. The only place the spool
 * builds the library's {@link ExportRecord}. Scope and resource, which close every record and
 * repeat, are parsed once per distinct tail and shared as instances: the OTLP marshaler groups
 * records by resource and scope instance, so replayed records must share them or each becomes its
 * own group and the request loses its order and grows.
 */
final class SpoolRecordReader {
  /** Where a record's scope-and-resource tail starts; see {@link #tailStart}. */
  static final String SCOPE_MARKER = ",\"scope\":{\"name\":";
  private static final byte[] SCOPE_MARKER_BYTES = SCOPE_MARKER.getBytes(StandardCharsets.US_ASCII);
  private static final int INTERNED_LIMIT = 256;
  private static final int RECENT_ORIGINS = 32;
  private static final Severity[] SEVERITY_BY_NUMBER = severityByNumber();

  private final Map<Resource, Resource> resources = new ConcurrentHashMap<>();
  private final Map<InstrumentationScopeInfo, InstrumentationScopeInfo> scopes =
      new ConcurrentHashMap<>();
  private final RecentOrigins origins = new RecentOrigins(RECENT_ORIGINS);

  /**
   * The record in {@code line[start, end)}, already checksum-verified.
   *
   * @throws CorruptRecordException when the JSON does not describe a record
   */
  LogRecordData read(byte[] line, int start, int end) {
    try {
      RecentOrigins.Entry known = knownTail(line, start, end);
      if (known == null) {
        Map<String, Object> json = asObject(parse(line, start, end, "", ""));
        return record(json, origin(asObject(json.get("scope")), asObject(json.get("resource"))));
      }
      return record(asObject(parse(line, start, end - known.length(), "", "}")), known.origin());
    } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
      throw new CorruptRecordException("not a log record: " + e.getMessage());
    }
  }

  private static Object parse(byte[] line, int start, int end, String before, String after) {
    return SpoolJsonParser.parse(
        before + new String(line, start, end - start, StandardCharsets.UTF_8) + after);
  }

  /** The scope-and-resource tail the record ends with, parsed once; null when it has none. */
  private RecentOrigins.Entry knownTail(byte[] line, int start, int end) {
    synchronized (origins) {
      RecentOrigins.Entry known = origins.matchingEnd(line, start, end);
      if (known != null) {
        return known;
      }
      int tailStart = tailStart(line, start, end);
      if (tailStart < 0) {
        return null;
      }
      // "{" + the tail without its leading comma: {"scope":{…},"resource":{…}}
      Map<String, Object> tail = asObject(parse(line, tailStart + 1, end, "{", ""));
      Origin origin = origin(asObject(tail.get("scope")), asObject(tail.get("resource")));
      return origins.remember(line, tailStart, end, origin);
    }
  }

  /**
   * Where {@link #SCOPE_MARKER} starts, searching from the end, or -1. It cannot occur earlier by
   * accident: inside a string every quote is escaped, and an attribute named "scope" holds a
   * type-tagged object ({@code {"s":…}}), never {@code {"name":…}}.
   */
  private static int tailStart(byte[] line, int from, int to) {
    outer:
    for (int i = to - SCOPE_MARKER_BYTES.length; i >= from; i--) {
      for (int j = 0; j < SCOPE_MARKER_BYTES.length; j++) {
        if (line[i + j] != SCOPE_MARKER_BYTES[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private Origin origin(Map<String, Object> scopeJson, Map<String, Object> resourceJson) {
    var scope = InstrumentationScopeInfo.builder((String) scopeJson.get("name"));
    if (scopeJson.get("version") != null) {
      scope.setVersion((String) scopeJson.get("version"));
    }
    if (scopeJson.get("schemaUrl") != null) {
      scope.setSchemaUrl((String) scopeJson.get("schemaUrl"));
    }
    if (scopeJson.get("attributes") != null) {
      scope.setAttributes(attributes(asObject(scopeJson.get("attributes"))));
    }
    Resource resource =
        Resource.create(
            attributes(asObject(resourceJson.get("attributes"))),
            (String) resourceJson.get("schemaUrl"));
    return new Origin(intern(scopes, scope.build()), intern(resources, resource));
  }

  private static LogRecordData record(Map<String, Object> json, Origin origin) {
    Attributes attributes = attributes(asObject(json.get("attributes")));
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
        body == null ? null : value(asObject(body)),
        attributes,
        total == null ? attributes.size() : Math.toIntExact((Long) total),
        (String) json.get("eventName"));
  }

  private static Attributes attributes(Map<String, Object> json) {
    AttributesBuilder builder = Attributes.builder();
    for (Map.Entry<String, Object> entry : json.entrySet()) {
      Map.Entry<String, Object> tagged = onlyMember(asObject(entry.getValue()));
      String key = entry.getKey();
      Object v = tagged.getValue();
      switch (tagged.getKey()) {
        case "s" -> builder.put(AttributeKey.stringKey(key), (String) v);
        case "l" -> builder.put(AttributeKey.longKey(key), (Long) v);
        case "d" -> builder.put(AttributeKey.doubleKey(key), toDouble(v));
        case "b" -> builder.put(AttributeKey.booleanKey(key), (Boolean) v);
        case "sa" -> builder.put(AttributeKey.stringArrayKey(key), list(v, String.class::cast));
        case "la" -> builder.put(AttributeKey.longArrayKey(key), list(v, Long.class::cast));
        case "da" -> builder.put(AttributeKey.doubleArrayKey(key), list(v, SpoolRecordReader::toDouble));
        case "ba" -> builder.put(AttributeKey.booleanArrayKey(key), list(v, Boolean.class::cast));
        case "v" -> builder.put(AttributeKey.valueKey(key), value(asObject(v)));
        default -> throw new IllegalArgumentException("unknown attribute type " + tagged.getKey());
      }
    }
    return builder.build();
  }

  private static Value<?> value(Map<String, Object> json) {
    if (json.isEmpty()) {
      return Value.empty();
    }
    Map.Entry<String, Object> tagged = onlyMember(json);
    Object v = tagged.getValue();
    return switch (tagged.getKey()) {
      case "s" -> Value.of((String) v);
      case "l" -> Value.of((long) (Long) v);
      case "d" -> Value.of(toDouble(v));
      case "b" -> Value.of((boolean) (Boolean) v);
      case "bytes" -> Value.of(Base64.getDecoder().decode((String) v));
      case "a" -> Value.of(list(v, item -> value(asObject(item))));
      case "kv" -> {
        Map<String, Value<?>> entries = new LinkedHashMap<>();
        asObject(v).forEach((k, item) -> entries.put(k, value(asObject(item))));
        yield Value.of(entries);
      }
      default -> throw new IllegalArgumentException("unknown value type " + tagged.getKey());
    };
  }

  private static Map.Entry<String, Object> onlyMember(Map<String, Object> typed) {
    if (typed.size() != 1) {
      throw new IllegalArgumentException("value without exactly one type tag");
    }
    return typed.entrySet().iterator().next();
  }

  /** Whole doubles are written as integers, NaN and the infinities as their names. */
  private static double toDouble(Object v) {
    if (v instanceof String s) {
      return switch (s) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalArgumentException("not a number: " + s);
      };
    }
    return ((Number) v).doubleValue();
  }

  private static <T> List<T> list(Object v, java.util.function.Function<Object, T> item) {
    List<?> items = (List<?>) v;
    List<T> converted = new ArrayList<>(items.size());
    for (Object each : items) {
      converted.add(item.apply(each));
    }
    return converted;
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
