package com.financereport.cli.verify;

import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.DurationConverter;
import com.financereport.cli.ExitCode;
import com.financereport.cli.http.HttpUrl;
import com.financereport.cli.http.JsonHttpClient;
import com.financereport.cli.output.CheckReport;
import com.financereport.cli.output.CheckResult;
import com.financereport.cli.signoz.SignozConnection;
import com.financereport.observability.settings.ObservabilitySettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code obs verify}: after a deploy, prove the service is up and its logs (and spans) reach SigNoz. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Post-deploy verification: /health, the collector, and a canary log record through OTLP into SigNoz.",
      "Checks /health (status, dependencies, git_sha, observability snapshot),",
      "the collector (GET /v1/logs answers 405, or its :13133 health), sends a canary log record over OTLP",
      "with the official SDK exporter, and with --signoz-url and SIGNOZ_API_KEY polls SigNoz until it arrives.",
      "Each check is OK, FAIL or SKIPPED with a reason, and the output lists what was proven.",
      "Exit 1 on any FAIL, and when ingestion was not proven (the canary not found in SigNoz, e.g. no"
          + " SIGNOZ_API_KEY) unless --allow-skip is given. The canary gets one attempt within --canary-timeout.",
      "OTEL_EXPORTER_OTLP_HEADERS (e.g. an ingestion key) is sent with the canary and never printed.",
      "--trace also checks /health's trace export, sends a canary span to /v1/traces and finds it in SigNoz"
          + " (query_range v5, signal traces); that proof is then required too."
    },
    footer = ExitCode.FOOTER)
public final class VerifyCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--base-url", required = true, description = "The service's base URL, e.g. https://finance.example.com.")
  URI baseUrl;

  @Option(names = "--expected-sha", description = "The deployed commit; /health's git_sha must prefix-match it.")
  String expectedSha;

  @Option(names = "--environment", required = true, description = "Expected deployment.environment.")
  String environment;

  @Option(names = "--service", required = true, description = "Expected service.name.")
  String service;

  @Option(names = "--signoz-url", description = "SigNoz base URL for the canary lookup (default: $SIGNOZ_URL).")
  String signozUrl;

  @Option(names = "--otlp-endpoint", description = "Collector OTLP/HTTP base, e.g. http://collector:4318 (default: $OTEL_EXPORTER_OTLP_ENDPOINT).")
  String otlpEndpoint;

  @Option(names = "--collector-health-url", description = "Collector health extension, e.g. http://collector:13133/.")
  URI collectorHealthUrl;

  @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class, description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--poll-attempts", defaultValue = "6", description = "Canary lookups in SigNoz (default: ${DEFAULT-VALUE}).")
  int pollAttempts;

  @Option(names = "--poll-interval", defaultValue = "10s", converter = DurationConverter.class, description = "Pause between lookups (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(
      names = "--canary-timeout",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "Bound of the canary's one send attempt, connect included; no retries (default: ${DEFAULT-VALUE}).")
  Duration canaryTimeout;

  @Option(
      names = "--allow-skip",
      description = "Pass without proof of ingestion when the SigNoz lookup is skipped (no URL or API key).")
  boolean allowSkip;

  // Opt-in, not inferred from /health: what a run must prove (and so its exit code) is the caller's
  // choice, not something a service setting changes under a deploy script.
  @Option(
      names = "--trace",
      description = "Also prove spans reach SigNoz: /health's trace export, a canary span sent like the log canary, found with a v5 traces query.")
  boolean trace;

  @Option(names = "--json", description = "Machine-readable output.")
  boolean json;

  VerifyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (pollAttempts < 1) {
      throw new ConfigurationException("--poll-attempts must be at least 1");
    }
    HttpUrl.require("--base-url", baseUrl.toString());
    if (collectorHealthUrl != null) {
      HttpUrl.require("--collector-health-url", collectorHealthUrl.toString());
    }
    String endpoint = otlpEndpoint != null ? otlpEndpoint : context.variable("OTEL_EXPORTER_OTLP_ENDPOINT");
    if (endpoint != null) {
      HttpUrl.require(otlpEndpoint != null ? "--otlp-endpoint" : "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    }
    String signoz = signozUrl != null ? signozUrl : context.variable("SIGNOZ_URL");
    if (signoz != null) {
      HttpUrl.require(signozUrl != null ? "--signoz-url" : "SIGNOZ_URL", signoz);
    }
    JsonHttpClient http = new JsonHttpClient(timeout);
    List<CheckResult> results =
        new ArrayList<>(new HealthChecks(http).run(baseUrl, new HealthExpectations(expectedSha, environment, service, trace)));

    URI logsEndpoint = endpoint == null ? null : CollectorProbe.logsEndpoint(endpoint);
    CollectorProbe probe = new CollectorProbe(http);
    if (logsEndpoint != null) {
      results.add(probe.otlpReceiver("collector otlp", logsEndpoint));
    }
    if (collectorHealthUrl != null) {
      results.add(probe.health("collector health", collectorHealthUrl));
    }
    if (logsEndpoint == null && collectorHealthUrl == null) {
      results.add(CheckResult.skipped("collector", "no --otlp-endpoint, --collector-health-url or OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    // One id for both canaries: an operator finds the log record and the span with one search.
    String canaryId = "obs-verify-" + UUID.randomUUID();
    long sentAt = context.clock().millis();
    List<CanarySignal> signals = trace ? List.of(CanarySignal.LOGS, CanarySignal.TRACES) : List.of(CanarySignal.LOGS);
    // Every canary is sent before any lookup, so each travels while the others are polled for.
    Map<CanarySignal, CheckResult> sent = new LinkedHashMap<>();
    for (CanarySignal signal : signals) {
      CheckResult result =
          endpoint == null
              ? CheckResult.skipped(signal.sentCheck(), "no OTLP endpoint to send to")
              : new CanarySender(canaryTimeout)
                  .send(
                      signal,
                      CollectorProbe.signalEndpoint(endpoint, signal.otlpPath()),
                      exportHeaders(signal),
                      service,
                      environment,
                      canaryId);
      sent.put(signal, result);
      results.add(result);
    }
    sent.forEach((signal, result) -> results.add(lookup(signal, signoz, result, canaryId, sentAt, http)));

    CheckReport report = new CheckReport(results).provenBy(signals.stream().map(CanarySignal::foundCheck).toList(), allowSkip);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("base_url", baseUrl.toString());
    extra.put("service", service);
    extra.put("environment", environment);
    extra.put("canary_id", canaryId);
    report.print(context.out(), json, context.colour(), extra);
    return report.exitCode();
  }

  private CheckResult lookup(
      CanarySignal signal, String url, CheckResult sent, String canaryId, long sentAt, JsonHttpClient http) {
    String apiKey = context.variable("SIGNOZ_API_KEY");
    String check = signal.foundCheck();
    if (url == null) {
      return CheckResult.skipped(check, "no --signoz-url or SIGNOZ_URL");
    }
    if (apiKey == null) {
      return CheckResult.skipped(check, "SIGNOZ_API_KEY is not set");
    }
    if (sent.verdict() != CheckResult.Verdict.OK) {
      return CheckResult.skipped(check, "no canary was sent");
    }
    SignozConnection signoz = SignozConnection.anonymous(http, URI.create(url.replaceAll("/+$", ""))).withApiKey(apiKey);
    return new CanaryLookup(signoz, pollAttempts, pollInterval, context.clock())
        .find(signal, service, environment, canaryId, sentAt);
  }

  /**
   * The collector headers a service would send, parsed by the library: OTEL_EXPORTER_OTLP_HEADERS,
   * and for spans OTEL_EXPORTER_OTLP_TRACES_HEADERS over them.
   */
  private Map<String, String> exportHeaders(CanarySignal signal) {
    ObservabilitySettings settings = ObservabilitySettings.fromEnvironment(context.env());
    return signal == CanarySignal.LOGS ? settings.export().headers() : settings.traces().headers();
  }
}
