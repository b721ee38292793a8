package com.financereport.cli.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SigNoz's query_range, as contracts/signoz-api.md describes it. v5 validates the body strictly
 * (unknown fields are rejected with 400) and filters with an expression of {@code key = 'value'}
 * terms joined by AND; v3/v4 take builderQueries.A on logs with filter items. A key is looked up in
 * the resource attributes, then in the record's attributes.
 *
 * <p>Extension of the contract's "Checking that logs arrived" (which documents only
 * {@code signal: "logs"}), needed because verify --trace looks up a canary span: v5 also accepts
 * {@code signal: "traces"} with the same body, validated as strictly, and answers with rows as
 * SigNoz's raw trace list builds them (pkg/telemetrytraces): a row's {@code data} holds only
 * columns, the {@code selectFields} named (each item {name, fieldContext, fieldDataType}, unknown
 * fields rejected) or, without them, SigNoz's defaults duration_nano, name, response_status_code,
 * service.name, span_id, timestamp, trace_id; timestamp, span_id and trace_id are always added.
 * A span attribute is therefore in a row only when selected, under its own name.
 */
final class FakeQueryRange {
  private static final Set<String> TOP = Set.of("schemaVersion", "start", "end", "requestType", "compositeQuery", "variables", "formatOptions", "noCache");
  private static final Set<String> COMPOSITE = Set.of("queries");
  private static final Set<String> QUERY = Set.of("type", "spec");
  private static final Set<String> SPEC = Set.of("name", "signal", "filter", "order", "limit", "offset", "selectFields", "disabled", "stepInterval", "cursor");
  private static final Set<String> FILTER = Set.of("expression");
  private static final Set<String> ORDER = Set.of("key", "direction");
  private static final Set<String> KEY = Set.of("name", "fieldContext", "fieldDataType");
  private static final Set<String> SIGNALS = Set.of("logs", "traces");
  private static final List<String> DEFAULT_SPAN_FIELDS =
      List.of("duration_nano", "name", "response_status_code", "service.name", "span_id", "timestamp", "trace_id");
  private static final List<String> ALWAYS_SPAN_FIELDS = List.of("timestamp", "span_id", "trace_id");
  private static final Pattern TERM = Pattern.compile("^\\s*([A-Za-z0-9_.]+)\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*$");

  private FakeQueryRange() {}

  static FakeResponse v5(JsonNode body, List<LogRow> logs, List<SpanRow> spans) {
    if (body == null || !body.isObject()) {
      return FakeSignoz.error(400, "invalid_input", "body must be a JSON object");
    }
    String unknown = unknownField(body, TOP, "");
    JsonNode composite = body.path("compositeQuery");
    if (unknown == null) unknown = unknownField(composite, COMPOSITE, "compositeQuery.");
    JsonNode queries = composite.path("queries");
    if (unknown == null && (!queries.isArray() || queries.size() != 1)) {
      return FakeSignoz.error(400, "invalid_input", "compositeQuery.queries must hold one query");
    }
    JsonNode query = queries.path(0);
    JsonNode spec = query.path("spec");
    if (unknown == null) unknown = unknownField(query, QUERY, "query.");
    if (unknown == null) unknown = unknownField(spec, SPEC, "spec.");
    if (unknown == null) unknown = unknownField(spec.path("filter"), FILTER, "spec.filter.");
    for (JsonNode order : spec.path("order")) {
      if (unknown == null) unknown = unknownField(order, ORDER, "spec.order.");
      if (unknown == null) unknown = unknownField(order.path("key"), KEY, "spec.order.key.");
    }
    for (JsonNode field : spec.path("selectFields")) {
      if (unknown == null) unknown = unknownField(field, KEY, "spec.selectFields.");
    }
    if (unknown != null) {
      return FakeSignoz.error(400, "invalid_input", "unknown field " + unknown);
    }
    if (!"v1".equals(body.path("schemaVersion").asText())
        || !body.path("start").canConvertToLong()
        || !body.path("end").canConvertToLong()
        || !"raw".equals(body.path("requestType").asText())
        || !"builder_query".equals(query.path("type").asText())
        || !SIGNALS.contains(spec.path("signal").asText())) {
      return FakeSignoz.error(400, "invalid_input", "expected schemaVersion v1, start/end in ms, requestType raw, a builder_query on logs or traces");
    }
    Map<String, String> terms = parseExpression(spec.path("filter").path("expression").asText(""));
    if (terms == null) {
      return FakeSignoz.error(400, "invalid_input", "cannot parse filter expression");
    }
    long start = body.path("start").asLong();
    long end = body.path("end").asLong();
    int limit = spec.path("limit").asInt(100);
    List<Map<String, Object>> rows = new ArrayList<>();
    if ("traces".equals(spec.path("signal").asText())) {
      for (SpanRow span : select(spans, terms, start, end, limit)) {
        rows.add(Map.of("timestamp", span.timestampNanos(), "data", spanData(span, spec.path("selectFields"))));
      }
    } else {
      for (LogRow row : select(logs, terms, start, end, limit)) {
        rows.add(Map.of("timestamp", row.timestampNanos(), "data", rowData(row)));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("queryName", "A");
    result.put("rows", rows);
    Map<String, Object> data = Map.of("type", "raw", "data", Map.of("results", List.of(result)));
    return FakeSignoz.success(200, data);
  }

  static FakeResponse v3(JsonNode body, List<LogRow> logs) {
    JsonNode a = body == null ? null : body.path("compositeQuery").path("builderQueries").path("A");
    if (a == null || !a.isObject() || !"logs".equals(a.path("dataSource").asText())
        || !body.path("start").canConvertToLong() || !body.path("end").canConvertToLong()) {
      return FakeSignoz.error(400, "invalid_input", "expected compositeQuery.builderQueries.A on logs with start/end");
    }
    Map<String, String> terms = new LinkedHashMap<>();
    for (JsonNode item : a.path("filters").path("items")) {
      if (!"=".equals(item.path("op").asText())) {
        return FakeSignoz.error(400, "invalid_input", "only = filters are supported");
      }
      terms.put(item.path("key").path("key").asText(), item.path("value").asText());
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (LogRow row : select(logs, terms, body.path("start").asLong(), body.path("end").asLong(), a.path("limit").asInt(100))) {
      list.add(Map.of("timestamp", row.timestampNanos(), "data", rowData(row)));
    }
    return FakeSignoz.success(200, Map.of("resultType", "", "result", List.of(Map.of("queryName", "A", "list", list))));
  }

  private static <T extends StoredRow> List<T> select(List<T> stored, Map<String, String> terms, long startMs, long endMs, int limit) {
    return stored.stream()
        .filter(r -> r.timestampNanos() / 1_000_000 >= startMs && r.timestampNanos() / 1_000_000 <= endMs)
        .filter(r -> terms.entrySet().stream().allMatch(t -> t.getValue().equals(lookup(r, t.getKey()))))
        .sorted(Comparator.comparingLong(StoredRow::timestampNanos).reversed())
        .limit(limit)
        .toList();
  }

  private static String lookup(StoredRow row, String key) {
    String value = row.resources().get(key);
    return value != null ? value : row.attributes().get(key);
  }

  private static Map<String, Object> rowData(LogRow row) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("body", row.body());
    data.put("severity_text", row.severityText());
    data.put("attributes_string", row.attributes());
    data.put("resources_string", row.resources());
    return data;
  }

  /** The selected columns (or SigNoz's defaults), each under its field name. */
  private static Map<String, Object> spanData(SpanRow span, JsonNode selectFields) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (selectFields.isArray() && !selectFields.isEmpty()) {
      selectFields.forEach(f -> fields.put(f.path("name").asText(), f.path("fieldContext").asText("")));
    } else {
      DEFAULT_SPAN_FIELDS.forEach(name -> fields.put(name, ""));
    }
    ALWAYS_SPAN_FIELDS.forEach(name -> fields.putIfAbsent(name, "span"));
    Map<String, Object> data = new LinkedHashMap<>();
    fields.forEach((name, context) -> data.put(name, spanColumn(span, name, context)));
    return data;
  }

  private static Object spanColumn(SpanRow span, String name, String context) {
    if (context.equals("resource")) {
      return span.resources().get(name);
    }
    if (context.equals("attribute")) {
      return span.attributes().get(name);
    }
    Object intrinsic =
        switch (name) {
          case "timestamp" -> Instant.ofEpochSecond(0, span.timestampNanos()).toString();
          case "trace_id" -> span.traceId();
          case "span_id" -> span.spanId();
          case "name" -> span.name();
          case "kind_string" -> span.kind();
          case "duration_nano" -> span.durationNanos();
          case "response_status_code" -> span.attributes().getOrDefault("http.response.status_code", "");
          case "service.name" -> span.resources().get("service.name");
          default -> null;
        };
    if (intrinsic != null || context.equals("span")) {
      return intrinsic;
    }
    String value = span.attributes().get(name);
    return value != null ? value : span.resources().get(name);
  }

  private static Map<String, String> parseExpression(String expression) {
    Map<String, String> terms = new LinkedHashMap<>();
    if (expression.isBlank()) {
      return terms;
    }
    for (String term : expression.split("(?i)\\s+AND\\s+")) {
      Matcher matcher = TERM.matcher(term);
      if (!matcher.matches()) {
        return null;
      }
      terms.put(matcher.group(1), matcher.group(2).replace("\\'", "'"));
    }
    return terms;
  }

  private static String unknownField(JsonNode node, Set<String> allowed, String prefix) {
    if (node == null || !node.isObject()) {
      return null;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        return prefix + name;
      }
    }
    return null;
  }
}
