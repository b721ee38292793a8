package com.financereport.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.cli.OperationFailedException;
import com.financereport.cli.http.HttpAnswer;
import com.financereport.cli.http.JsonHttpClient;
import com.financereport.cli.output.CheckResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a service's /health once and judges it: the answer is healthy, every dependency is up
 * (not_configured is reported, not failed), the commit is the expected one, and the observability
 * snapshot exports logs under the expected service and environment.
 */
final class HealthChecks {
  /** Shorter than this, a SHA prefix could match the wrong commit. */
  private static final int MIN_SHA_PREFIX = 7;

  private final JsonHttpClient http;

  HealthChecks(JsonHttpClient http) {
    this.http = http;
  }

  List<CheckResult> run(URI baseUrl, HealthExpectations expected) {
    URI healthUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/health");
    HttpAnswer answer;
    try {
      answer = http.send("GET", healthUrl, Map.of(), null);
    } catch (OperationFailedException e) {
      return List.of(CheckResult.fail("health", e.getMessage()));
    }
    JsonNode body = answer.json();
    if (!body.isObject()) {
      return List.of(CheckResult.fail("health", "GET /health answered " + answer.status() + " without a JSON body"));
    }
    List<CheckResult> results = new ArrayList<>();
    String status = body.path("status").asText("?");
    results.add(
        answer.status() == 200
            ? CheckResult.ok("health", "200, status " + status)
            : CheckResult.fail("health", answer.status() + ", status " + status));
    results.addAll(dependencies(body.path("checks")));
    results.add(gitSha(body.path("git_sha").asText(null), expected.expectedSha()));
    results.addAll(observability(body.path("observability"), expected));
    return results;
  }

  private static List<CheckResult> dependencies(JsonNode checks) {
    List<CheckResult> results = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = checks.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> check = fields.next();
      JsonNode value = check.getValue();
      String state = (value.isObject() ? value.path("status").asText("?") : value.asText("?")).toLowerCase(Locale.ROOT);
      String name = "check " + check.getKey();
      String detail = value.isObject() && value.hasNonNull("error") ? state + ": " + value.get("error").asText() : state;
      results.add(
          switch (state) {
            case "up", "ok", "healthy" -> CheckResult.ok(name, detail);
            case "not_configured" -> CheckResult.skipped(name, "not configured");
            default -> CheckResult.fail(name, detail);
          });
    }
    return results;
  }

  private static CheckResult gitSha(String reported, String expected) {
    if (expected == null) {
      return CheckResult.skipped("git sha", "no --expected-sha given; reported " + reported);
    }
    if (reported == null || reported.isBlank() || reported.equalsIgnoreCase("unknown")) {
      return CheckResult.fail("git sha", "the service does not report its commit (git_sha " + reported + ")");
    }
    String a = reported.trim().toLowerCase(Locale.ROOT);
    String b = expected.trim().toLowerCase(Locale.ROOT);
    boolean matches =
        Math.min(a.length(), b.length()) >= MIN_SHA_PREFIX && (a.startsWith(b) || b.startsWith(a));
    return matches
        ? CheckResult.ok("git sha", reported + " matches " + expected)
        : CheckResult.fail("git sha", "reported " + reported + ", expected " + expected);
  }

  private static List<CheckResult> observability(JsonNode snapshot, HealthExpectations expected) {
    if (!snapshot.isObject()) {
      return List.of(CheckResult.fail("log export", "/health has no observability snapshot"));
    }
    List<CheckResult> results = new ArrayList<>();
    boolean enabled = snapshot.path("logs_export_enabled").asBoolean(false);
    JsonNode export = snapshot.path("export");
    if (!enabled) {
      results.add(
          CheckResult.fail(
              "log export",
              "disabled" + (snapshot.hasNonNull("export_disabled_reason") ? ": " + snapshot.get("export_disabled_reason").asText() : "")));
    } else {
      results.add(exportFigures(export));
    }
    if (expected.traces()) {
      results.add(traceExport(snapshot.path("traces")));
    }
    results.add(same("service name", snapshot.path("service_name").asText(null), expected.service()));
    results.add(same("environment", snapshot.path("deployment_environment").asText(null), expected.environment()));
    return results;
  }

  /**
   * OK only while the service's exports succeed: consecutive failed attempts, or a collector its
   * probe could not reach, fail the check whatever the totals say. Each figure says what it counts;
   * "failed" counts records once per failed attempt, so a record retried three times counts three.
   */
  private static CheckResult exportFigures(JsonNode export) {
    long consecutive = export.path("consecutive_failures").asLong(0);
    JsonNode reachable = export.path("endpoint_reachable");
    String figures =
        "records accepted by the collector "
            + export.path("exported").asLong(0)
            + ", records in failed export attempts (counted once per attempt) "
            + export.path("failed").asLong(0)
            + ", records dropped "
            + export.path("dropped").asLong(0)
            + ", records spooled "
            + export.path("spooled").asLong(0);
    if (consecutive > 0) {
      return CheckResult.fail(
          "log export",
          "failing: the last "
              + consecutive
              + " export attempt(s) failed"
              + (export.hasNonNull("last_error_type") ? " (" + export.get("last_error_type").asText() + ")" : "")
              + "; "
              + figures);
    }
    if (reachable.isBoolean() && !reachable.asBoolean()) {
      return CheckResult.fail("log export", "failing: the service's probe found no collector; " + figures);
    }
    return CheckResult.ok("log export", "enabled and succeeding; " + figures);
  }

  /**
   * The snapshot's {@code traces} object: {enabled, disabled_reason} when off; endpoint and figures
   * in spans when on. A service that exported no span yet but has an error fails: its spans are lost.
   */
  private static CheckResult traceExport(JsonNode traces) {
    if (!traces.isObject()) {
      return CheckResult.fail("trace export", "/health reports no observability.traces (a release without traces)");
    }
    if (!traces.path("enabled").asBoolean(false)) {
      return CheckResult.fail("trace export", "disabled: " + traces.path("disabled_reason").asText("no reason given"));
    }
    String figures =
        "spans accepted by the collector "
            + traces.path("exported").asLong(0)
            + ", spans in failed export attempts "
            + traces.path("failed").asLong(0)
            + ", spans dropped "
            + traces.path("dropped").asLong(0);
    String lastError = traces.path("last_error").asText(null);
    if (lastError != null && !traces.hasNonNull("last_success")) {
      return CheckResult.fail("trace export", "failing: no span exported yet, last error " + lastError + "; " + figures);
    }
    return CheckResult.ok(
        "trace export",
        "enabled to " + traces.path("endpoint").asText("?") + "; " + figures
            + (lastError == null ? "" : "; last error " + lastError));
  }

  private static CheckResult same(String name, String reported, String expected) {
    return expected.equals(reported)
        ? CheckResult.ok(name, reported)
        : CheckResult.fail(name, "reported " + reported + ", expected " + expected);
  }
}
