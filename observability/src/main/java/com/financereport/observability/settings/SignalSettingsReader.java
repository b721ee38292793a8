package com.financereport.observability.settings;

import static com.financereport.observability.settings.EnvironmentKeys.*;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the trace and metric settings. Both are opt-in, unlike the OTel SDK's default of
 * {@code otlp}: the seed enables them only when asked, and a service that turns on an endpoint for
 * its logs must not start paying for spans it did not ask for. They share the logs' base
 * endpoint, headers, timeout and compression, and are off on the same configuration errors.
 */
final class SignalSettingsReader {
  // Larger than the SDK's 2048 and 512, as for logs: under load the SDK's sizes dropped 0.7% of spans
  // and cost more CPU per request (bench/results/backend-load-span-batches-2026-12-04.txt).
  static final int DEFAULT_SPAN_QUEUE = 8192;
  static final int DEFAULT_SPAN_BATCH = 2048;
  static final List<String> SAMPLERS =
      List.of(
          "always_on",
          "always_off",
          "traceidratio",
          "parentbased_always_on",
          "parentbased_always_off",
          "parentbased_traceidratio");

  private final EnvironmentValues values;
  private final Map<String, String> env;
  private final ExportSettings logs;
  private final List<String> warnings;
  private final List<String> errors;
  private final boolean configurationError;

  SignalSettingsReader(
      EnvironmentValues values,
      Map<String, String> env,
      ExportSettings logs,
      List<String> warnings,
      List<String> errors) {
    this.values = values;
    this.env = env;
    this.logs = logs;
    this.warnings = warnings;
    this.errors = errors;
    // The errors that turn the logs off (a wrong deploy) turn every signal off.
    this.configurationError = !errors.isEmpty();
  }

  TraceSettings traces() {
    String[] reason = new String[1];
    URI endpoint =
        endpoint(OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, "/v1/traces", reason);
    String sampler = values.text(OTEL_TRACES_SAMPLER, "parentbased_always_on").toLowerCase(Locale.ROOT);
    if (!SAMPLERS.contains(sampler)) {
      warnings.add(OTEL_TRACES_SAMPLER + " must be one of " + String.join(", ", SAMPLERS) + "; using parentbased_always_on");
      sampler = "parentbased_always_on";
    }
    return new TraceSettings(
        endpoint,
        reason[0],
        headers(OTEL_EXPORTER_OTLP_TRACES_HEADERS),
        logs.requestTimeout(),
        logs.compression(),
        sampler,
        ratio(),
        values.duration(OTEL_BSP_SCHEDULE_DELAY, Duration.ofSeconds(5)),
        values.positiveInt(OTEL_BSP_MAX_QUEUE_SIZE, DEFAULT_SPAN_QUEUE),
        values.positiveInt(OTEL_BSP_MAX_EXPORT_BATCH_SIZE, DEFAULT_SPAN_BATCH),
        values.duration(OTEL_BSP_EXPORT_TIMEOUT, Duration.ofSeconds(30)));
  }

  MetricSettings metrics() {
    String[] reason = new String[1];
    URI endpoint =
        endpoint(OTEL_METRICS_EXPORTER, OTEL_EXPORTER_OTLP_METRICS_ENDPOINT, "/v1/metrics", reason);
    return new MetricSettings(
        endpoint,
        reason[0],
        headers(OTEL_EXPORTER_OTLP_METRICS_HEADERS),
        logs.requestTimeout(),
        logs.compression(),
        values.duration(OTEL_METRIC_EXPORT_INTERVAL, Duration.ofSeconds(60)));
  }

  /** The signal's URL, or null with {@code reason[0]} saying why it is off. */
  private URI endpoint(String exporterKey, String signalKey, String signalPath, String[] reason) {
    String exporter = values.text(exporterKey, "none").toLowerCase(Locale.ROOT);
    if (!exporter.equals("otlp")) {
      if (!exporter.equals("none")) {
        warnings.add(exporterKey + " supports otlp or none; using none");
      }
      reason[0] = exporterKey + " is not otlp (opt-in)";
      return null;
    }
    if (values.bool(OTEL_SDK_DISABLED, false)) {
      reason[0] = OTEL_SDK_DISABLED + "=true";
      return null;
    }
    String own = values.text(signalKey);
    String base = values.text(OTEL_EXPORTER_OTLP_ENDPOINT);
    URI endpoint;
    if (own != null) {
      endpoint = ObservabilitySettings.parseEndpoint(signalKey, own, (String) null, errors);
    } else if (base != null) {
      endpoint = ObservabilitySettings.parseEndpoint(OTEL_EXPORTER_OTLP_ENDPOINT, base, signalPath, errors);
    } else {
      reason[0] = "no endpoint configured (" + OTEL_EXPORTER_OTLP_ENDPOINT + " and " + signalKey + " are unset)";
      return null;
    }
    if (endpoint == null) {
      reason[0] = "the endpoint URL is malformed";
    } else if (configurationError) {
      reason[0] = "configuration error";
      endpoint = null;
    }
    return endpoint;
  }

  private Map<String, String> headers(String signalKey) {
    Map<String, String> headers = new LinkedHashMap<>(logsSharedHeaders());
    KeyValueListParser.Result own = KeyValueListParser.parse(env.get(signalKey), false);
    if (!own.skipped().isEmpty()) {
      warnings.add(signalKey + ": skipped " + own.skipped().size() + " malformed header(s), expected name=value");
    }
    headers.putAll(own.values());
    return headers;
  }

  /** OTEL_EXPORTER_OTLP_HEADERS: its malformed items were already reported with the logs'. */
  private Map<String, String> logsSharedHeaders() {
    return KeyValueListParser.parse(env.get(OTEL_EXPORTER_OTLP_HEADERS), false).values();
  }

  private double ratio() {
    String raw = values.text(OTEL_TRACES_SAMPLER_ARG);
    if (raw == null) {
      return 1.0;
    }
    try {
      double ratio = Double.parseDouble(raw);
      if (ratio >= 0.0 && ratio <= 1.0) {
        return ratio;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    warnings.add(OTEL_TRACES_SAMPLER_ARG + " must be a ratio from 0 to 1; using 1.0");
    return 1.0;
  }
}
