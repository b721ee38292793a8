package com.financereport.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query_range bodies that find the canary (contracts/signoz-api.md): the v5 shape exactly as
 * documented, since v5 rejects unknown fields, and the v3/v4 builder-query shape for older SigNoz.
 * Both filter by service.name and deployment.environment, and by the canary id so a busy service's
 * newer records cannot push it out of the page.
 *
 * <p>Traces use v5 only: the same body with {@code signal: traces}, plus {@code selectFields}
 * (a v5 spec field) because a raw trace row holds only the selected columns, and the canary id is
 * not among SigNoz's default ones. The contract documents no v3/v4 traces query, so none is sent.
 */
enum CanaryQuery {
  V5("/api/v5/query_range"),
  V4("/api/v4/query_range"),
  V3("/api/v3/query_range");

  private static final int LIMIT = 50;
  private final String path;

  CanaryQuery(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }

  /** The versions to try for a signal, newest first. */
  static List<CanaryQuery> versionsFor(CanarySignal signal) {
    return signal == CanarySignal.LOGS ? List.of(values()) : List.of(V5);
  }

  Map<String, Object> body(
      CanarySignal signal, String service, String environment, String canaryId, long startMs, long endMs) {
    return this == V5
        ? v5(signal, service, environment, canaryId, startMs, endMs)
        : builder(service, environment, canaryId, startMs, endMs);
  }

  /** The rows' {@code data} objects: for logs body, attributes_string and resources_string. */
  List<JsonNode> rows(JsonNode data) {
    List<JsonNode> rows = new ArrayList<>();
    if (this == V5) {
      data.path("data").path("results").path(0).path("rows").forEach(r -> rows.add(r.path("data")));
    } else {
      data.path("result").path(0).path("list").forEach(r -> rows.add(r.path("data")));
    }
    return rows;
  }

  private static Map<String, Object> v5(
      CanarySignal signal, String service, String environment, String canaryId, long startMs, long endMs) {
    String expression =
        "service.name = " + quote(service)
            + " AND deployment.environment = " + quote(environment)
            + " AND " + CanarySender.CANARY_ID.getKey() + " = " + quote(canaryId);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", "A");
    spec.put("signal", signal.signal());
    spec.put("filter", Map.of("expression", expression));
    spec.put("order", List.of(ordered("key", Map.of("name", "timestamp"), "direction", "desc")));
    if (signal == CanarySignal.TRACES) {
      spec.put(
          "selectFields",
          List.of(
              ordered("name", "name", "fieldContext", "span"),
              ordered("name", "service.name", "fieldContext", "resource"),
              ordered("name", CanarySender.CANARY_ID.getKey(), "fieldContext", "attribute")));
    }
    spec.put("limit", LIMIT);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemaVersion", "v1");
    body.put("start", startMs);
    body.put("end", endMs);
    body.put("requestType", "raw");
    body.put("compositeQuery", Map.of("queries", List.of(ordered("type", "builder_query", "spec", spec))));
    return body;
  }

  private static Map<String, Object> builder(String service, String environment, String canaryId, long startMs, long endMs) {
    List<Map<String, Object>> items =
        List.of(
            item("service.name", "resource", service),
            item("deployment.environment", "resource", environment),
            item(CanarySender.CANARY_ID.getKey(), "tag", canaryId));
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("queryName", "A");
    query.put("dataSource", "logs");
    query.put("aggregateOperator", "noop");
    query.put("expression", "A");
    query.put("disabled", false);
    query.put("limit", LIMIT);
    query.put("orderBy", List.of(ordered("columnName", "timestamp", "order", "desc")));
    query.put("filters", ordered("op", "AND", "items", items));
    Map<String, Object> composite = new LinkedHashMap<>();
    composite.put("queryType", "builder");
    composite.put("panelType", "list");
    composite.put("builderQueries", Map.of("A", query));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("start", startMs);
    body.put("end", endMs);
    body.put("step", 60);
    body.put("compositeQuery", composite);
    return body;
  }

  private static Map<String, Object> item(String key, String type, String value) {
    return ordered("key", ordered("key", key, "type", type, "dataType", "string"), "op", "=", "value", value);
  }

  /** A map that serialises in the order written, so the request reads like the contract. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A single-quoted expression literal; quotes and backslashes inside are escaped. */
  private static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
