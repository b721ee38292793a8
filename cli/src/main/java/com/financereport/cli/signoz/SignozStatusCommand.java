package com.financereport.cli.signoz;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.ExitCode;
import com.financereport.cli.OperationFailedException;
import com.financereport.cli.http.HttpUrl;
import com.financereport.cli.http.JsonHttpClient;
import com.financereport.cli.output.CheckReport;
import com.financereport.cli.output.CheckResult;
import com.financereport.cli.verify.CollectorProbe;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code obs signoz status}: is SigNoz up, which version, and is its collector reachable. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Checks SigNoz (/api/v1/health, /api/v1/version), the collector's health extension (:13133)",
      "and its OTLP/HTTP receiver (GET /v1/logs must answer 405). No credentials needed.",
      "Each part runs when its address is given: the collector checks need no SigNoz URL."
    },
    footer = ExitCode.FOOTER)
final class SignozStatusCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin SignozOptions signoz;

  @Option(names = "--collector-health-url", description = "Collector health endpoint, e.g. http://signoz-otel-collector:13133/.")
  String collectorHealthUrl;

  @Option(names = "--otlp-endpoint", description = "OTLP/HTTP base endpoint, e.g. http://signoz-otel-collector:4318 (default: $OTEL_EXPORTER_OTLP_ENDPOINT).")
  String otlpEndpoint;

  SignozStatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    JsonHttpClient http = new JsonHttpClient(signoz.timeout());
    Optional<URI> signozUrl = signoz.baseUrlIfGiven(context);
    String endpoint = otlpEndpoint != null ? otlpEndpoint : context.variable("OTEL_EXPORTER_OTLP_ENDPOINT");
    if (signozUrl.isEmpty() && endpoint == null && collectorHealthUrl == null) {
      throw new ConfigurationException(
          "nothing to check: pass --url (or set SIGNOZ_URL), --otlp-endpoint (or set OTEL_EXPORTER_OTLP_ENDPOINT)"
              + " or --collector-health-url");
    }
    if (endpoint != null) {
      HttpUrl.require(otlpEndpoint != null ? "--otlp-endpoint" : "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    }
    if (collectorHealthUrl != null) {
      HttpUrl.require("--collector-health-url", collectorHealthUrl);
    }
    List<CheckResult> results = new ArrayList<>();
    if (signozUrl.isPresent()) {
      SignozConnection anonymous = SignozConnection.anonymous(http, signozUrl.get());
      results.add(health(anonymous));
      results.add(version(anonymous));
    } else {
      results.add(CheckResult.skipped("signoz", "no --url given and SIGNOZ_URL unset"));
    }

    CollectorProbe probe = new CollectorProbe(http);
    results.add(
        collectorHealthUrl == null
            ? CheckResult.skipped("collector health", "no --collector-health-url given")
            : probe.health("collector health", URI.create(collectorHealthUrl)));
    results.add(
        endpoint == null
            ? CheckResult.skipped("collector otlp", "no --otlp-endpoint given and OTEL_EXPORTER_OTLP_ENDPOINT unset")
            : probe.otlpReceiver("collector otlp", CollectorProbe.logsEndpoint(endpoint)));

    CheckReport report = new CheckReport(results);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("signoz_url", signozUrl.map(URI::toString).orElse(null));
    report.print(context.out(), signoz.json(), context.colour(), extra);
    return report.exitCode();
  }

  private static CheckResult health(SignozConnection anonymous) {
    try {
      JsonNode health = anonymous.get("/api/v1/health");
      String status = health.path("status").asText("");
      return "ok".equals(status)
          ? CheckResult.ok("signoz health", "/api/v1/health says ok")
          : CheckResult.fail("signoz health", "/api/v1/health says '" + status + "'");
    } catch (OperationFailedException e) {
      return CheckResult.fail("signoz health", e.getMessage());
    }
  }

  private static CheckResult version(SignozConnection anonymous) {
    try {
      SignozVersion version = anonymous.version();
      return CheckResult.ok(
          "signoz version",
          version.raw() + " (API keys: " + (version.usesServiceAccounts() ? "service accounts" : "personal access tokens") + ")");
    } catch (OperationFailedException e) {
      return CheckResult.fail("signoz version", e.getMessage());
    }
  }
}
