package com.financereport.observability.settings;

import com.financereport.observability.internal.settings.EnvironmentGuard;
import static com.financereport.observability.settings.EnvironmentKeys.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the library reads from the environment, read once into one immutable value. Build it
 * with {@link #fromEnvironment(Map)} so tests pass their own map and never touch the real
 * environment.
 *
 * <p>Reading never throws. A malformed value falls back to its default and adds to {@link
 * #warnings()}. A wrong deploy (a malformed endpoint URL, or a deployment.environment that
 * disagrees with ENVIRONMENT in a deployed environment, see {@link EnvironmentGuard}) adds to {@link
 * #errors()} and turns export off:
 * the library reports it loudly and keeps logging to stdout; a service's bootloader may refuse to
 * start on it.
 *
 * @param serviceName service.name (the {@value #SERVICE_NAME_PROPERTY} system property, else
 *     OTEL_SERVICE_NAME, else service.name in OTEL_RESOURCE_ATTRIBUTES, else OpenTelemetry's
 *     {@value #DEFAULT_SERVICE_NAME})
 * @param environment deployment.environment (OTEL_RESOURCE_ATTRIBUTES, else ENVIRONMENT/ENV, else
 *     {@value #DEFAULT_ENVIRONMENT})
 * @param serviceVersion service.version and git.commit (GIT_COMMIT_SHA, default "unknown")
 * @param debug DEBUG: human console lines and DEBUG level
 * @param rootLevel the root logger level (LOG_LEVEL, else DEBUG when debug, else INFO)
 * @param resource the resource every output describes, in order: service.name, service.version,
 *     git.commit, deployment.environment, deployment.environment.name, then the rest of
 *     OTEL_RESOURCE_ATTRIBUTES
 */
public record ObservabilitySettings(
    String serviceName,
    String environment,
    String serviceVersion,
    boolean debug,
    String rootLevel,
    Map<String, String> resource,
    ExportSettings export,
    SpoolSettings spool,
    OutputLimits limits,
    RedactionSettings redaction,
    List<String> warnings,
    List<String> errors,
    TraceSettings traces,
    MetricSettings metrics) {

  /** OpenTelemetry's name for a service that did not name itself (resource semantic conventions). */
  public static final String DEFAULT_SERVICE_NAME = "unknown_service:java";
  /**
   * The system property OpenTelemetry's autoconfigure reads for the service name; it wins over
   * OTEL_SERVICE_NAME there and here. A service's main can set it before the first logger exists.
   */
  public static final String SERVICE_NAME_PROPERTY = "otel.service.name";
  public static final String DEFAULT_ENVIRONMENT = "development";
  public static final String UNKNOWN_VERSION = "unknown";

  public static final String SERVICE_NAME = "service.name";
  public static final String SERVICE_VERSION = "service.version";
  public static final String GIT_COMMIT = "git.commit";
  public static final String DEPLOYMENT_ENVIRONMENT = "deployment.environment";
  public static final String DEPLOYMENT_ENVIRONMENT_NAME = "deployment.environment.name";

  private static final List<String> STRICT_ENVIRONMENTS =
      List.of(EnvironmentGuard.PRODUCTION, EnvironmentGuard.STAGING);
  /** Long enough for a busy exporter to free room; a wait that runs out turns waiting off. */
  private static final Duration DEFAULT_QUEUE_FULL_WAIT = Duration.ofMillis(250);
  /** Each request in flight holds a batch in memory; beyond a few the collector is the limit. */
  private static final int MAX_EXPORT_CONCURRENCY = 16;

  public ObservabilitySettings {
    resource = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resource));
    warnings = List.copyOf(warnings);
    errors = List.copyOf(errors);
  }

  /** Settings from the process environment, and the {@value #SERVICE_NAME_PROPERTY} property. */
  public static ObservabilitySettings fromSystemEnvironment() {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    String property = System.getProperty(SERVICE_NAME_PROPERTY);
    if (property != null && !property.isBlank()) {
      env.put(OTEL_SERVICE_NAME, property);
    }
    return fromEnvironment(env);
  }

  /** Settings from the given variables; never throws. */
  public static ObservabilitySettings fromEnvironment(Map<String, String> env) {
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    EnvironmentValues values = new EnvironmentValues(env, warnings);

    String environmentKey = values.text(ENVIRONMENT) != null ? ENVIRONMENT : ENV;
    String explicitEnvironment = values.text(environmentKey);
    String deployEnvironment =
        EnvironmentGuard.canonical(explicitEnvironment != null ? explicitEnvironment : DEFAULT_ENVIRONMENT);
    boolean debug = values.bool(DEBUG, false);
    String rootLevel = values.level(LOG_LEVEL, debug ? "DEBUG" : "INFO");
    String version = values.text(GIT_COMMIT_SHA, UNKNOWN_VERSION);

    KeyValueListParser.Result attributes =
        KeyValueListParser.parse(values.text(OTEL_RESOURCE_ATTRIBUTES), true);
    if (!attributes.skipped().isEmpty()) {
      warnings.add(
          OTEL_RESOURCE_ATTRIBUTES
              + ": skipped "
              + attributes.skipped().size()
              + " malformed item(s), expected key=value: "
              + String.join("; ", attributes.skipped()));
    }
    Map<String, String> given = attributes.values();

    String explicitServiceName = values.text(OTEL_SERVICE_NAME);
    String serviceName =
        explicitServiceName != null
            ? explicitServiceName
            : given.getOrDefault(SERVICE_NAME, DEFAULT_SERVICE_NAME);
    String givenName = EnvironmentGuard.canonical(given.get(DEPLOYMENT_ENVIRONMENT));
    String givenNewName = EnvironmentGuard.canonical(given.get(DEPLOYMENT_ENVIRONMENT_NAME));
    String givenEnvironment = givenName != null ? givenName : givenNewName;
    String environment = givenEnvironment != null ? givenEnvironment : deployEnvironment;
    Map<String, String> environmentNames = new LinkedHashMap<>();
    environmentNames.put(environmentKey, explicitEnvironment);
    environmentNames.put(OTEL_RESOURCE_ATTRIBUTES + " " + DEPLOYMENT_ENVIRONMENT, given.get(DEPLOYMENT_ENVIRONMENT));
    environmentNames.put(
        OTEL_RESOURCE_ATTRIBUTES + " " + DEPLOYMENT_ENVIRONMENT_NAME, given.get(DEPLOYMENT_ENVIRONMENT_NAME));
    errors.addAll(EnvironmentGuard.disagreements(environmentNames));

    Map<String, String> resource = new LinkedHashMap<>();
    resource.put(SERVICE_NAME, serviceName);
    resource.put(SERVICE_VERSION, version);
    resource.put(GIT_COMMIT, version);
    // Each environment key keeps the name given for it (aliases resolved); one not given follows
    // the other, then ENVIRONMENT. Where they disagree in a deployed environment, errors says so.
    resource.put(DEPLOYMENT_ENVIRONMENT, givenName != null ? givenName : environment);
    resource.put(DEPLOYMENT_ENVIRONMENT_NAME, givenNewName != null ? givenNewName : environment);
    // Values given in OTEL_RESOURCE_ATTRIBUTES win, as in the original backend; OTEL_SERVICE_NAME
    // still wins for service.name (OTel spec).
    given.forEach(
        (k, v) -> {
          if (!k.equals(SERVICE_NAME)
              && !k.equals(DEPLOYMENT_ENVIRONMENT)
              && !k.equals(DEPLOYMENT_ENVIRONMENT_NAME)) {
            resource.put(k, v);
          }
        });

    ExportSettings export =
        readExport(values, env, deployEnvironment, givenEnvironment, warnings, errors);
    SignalSettingsReader signals = new SignalSettingsReader(values, env, export, warnings, errors);
    TraceSettings traces = signals.traces();
    MetricSettings metrics = signals.metrics();

    SpoolSettings spool =
        new SpoolSettings(
            spoolDirectory(values.text(OBSERVABILITY_SPOOL_DIR), serviceName, env),
            values.bytes(OBSERVABILITY_SPOOL_MAX_BYTES, 256L << 20),
            values.duration(OBSERVABILITY_SPOOL_MAX_AGE, Duration.ofDays(7)),
            serviceName,
            environment);

    OutputLimits limits =
        new OutputLimits(
            (int)
                Math.min(
                    values.bytes(OBSERVABILITY_MAX_VALUE_BYTES, OutputLimits.DEFAULTS.maxValueBytes()),
                    Integer.MAX_VALUE / 4),
            (int)
                Math.min(
                    values.bytes(OBSERVABILITY_MAX_LINE_BYTES, OutputLimits.DEFAULTS.maxLineBytes()),
                    Integer.MAX_VALUE / 4));

    RedactionSettings redaction =
        new RedactionSettings(values.list(OBSERVABILITY_REDACT_KEYS), patterns(values));

    return new ObservabilitySettings(
        serviceName,
        environment,
        version,
        debug,
        rootLevel,
        resource,
        export,
        spool,
        limits,
        redaction,
        warnings,
        errors,
        traces,
        metrics);
  }

  private static ExportSettings readExport(
      EnvironmentValues values,
      Map<String, String> env,
      String deployEnvironment,
      String givenEnvironment,
      List<String> warnings,
      List<String> errors) {
    String disabledReason = null;
    URI endpoint = null;

    String logsEndpoint = values.text(OTEL_EXPORTER_OTLP_LOGS_ENDPOINT);
    String baseEndpoint = values.text(OTEL_EXPORTER_OTLP_ENDPOINT);
    if (logsEndpoint != null) {
      endpoint = parseEndpoint(OTEL_EXPORTER_OTLP_LOGS_ENDPOINT, logsEndpoint, false, errors);
    } else if (baseEndpoint != null) {
      endpoint = parseEndpoint(OTEL_EXPORTER_OTLP_ENDPOINT, baseEndpoint, true, errors);
    } else {
      disabledReason = "no endpoint configured (" + OTEL_EXPORTER_OTLP_ENDPOINT + " is unset)";
    }
    boolean endpointGiven = logsEndpoint != null || baseEndpoint != null;
    if (endpointGiven && endpoint == null) {
      disabledReason = "the endpoint URL is malformed";
    }

    if (values.bool(OTEL_SDK_DISABLED, false)) {
      endpoint = null;
      disabledReason = OTEL_SDK_DISABLED + "=true";
    }
    String exporter = values.text(OTEL_LOGS_EXPORTER, "otlp").toLowerCase(Locale.ROOT);
    if ("none".equals(exporter)) {
      endpoint = null;
      disabledReason = OTEL_LOGS_EXPORTER + "=none";
    } else if (!"otlp".equals(exporter)) {
      warnings.add(OTEL_LOGS_EXPORTER + " supports otlp or none; using otlp");
    }

    for (String key : List.of(OTEL_EXPORTER_OTLP_LOGS_PROTOCOL, OTEL_EXPORTER_OTLP_PROTOCOL)) {
      String protocol = values.text(key);
      if (protocol != null && !"http/protobuf".equalsIgnoreCase(protocol)) {
        warnings.add(key + "=" + protocol + " is not supported; logs are sent as http/protobuf");
      }
    }

    // A disagreement is already an error (EnvironmentGuard); here only the name's absence is.
    if (endpointGiven && givenEnvironment == null && STRICT_ENVIRONMENTS.contains(deployEnvironment)) {
      errors.add(
          OTEL_RESOURCE_ATTRIBUTES
              + " must set deployment.environment="
              + deployEnvironment
              + " when ENVIRONMENT="
              + deployEnvironment
              + " and an OTLP endpoint is set");
    }
    if (!errors.isEmpty() && endpoint != null) {
      endpoint = null;
      disabledReason = "configuration error";
    }

    Map<String, String> headers = new LinkedHashMap<>();
    for (String key : List.of(OTEL_EXPORTER_OTLP_HEADERS, OTEL_EXPORTER_OTLP_LOGS_HEADERS)) {
      KeyValueListParser.Result parsed = KeyValueListParser.parse(env.get(key), false);
      if (!parsed.skipped().isEmpty()) {
        warnings.add(
            key
                + ": skipped "
                + parsed.skipped().size()
                + " malformed header(s), expected name=value: "
                + String.join("; ", parsed.skipped()));
      }
      headers.putAll(parsed.values());
    }

    // The OTLP specification's default. gzip cuts bytes about tenfold for CPU on the export thread
    // (about 8 us per record here); choose it when the collector is across a slow or metered link.
    String compression = values.text(OTEL_EXPORTER_OTLP_COMPRESSION, "none").toLowerCase(Locale.ROOT);
    if (!compression.equals("gzip") && !compression.equals("none")) {
      warnings.add(OTEL_EXPORTER_OTLP_COMPRESSION + " supports gzip or none; using none");
      compression = "none";
    }

    return new ExportSettings(
        endpoint,
        endpoint == null ? disabledReason : null,
        headers,
        values.duration(OTEL_BLRP_SCHEDULE_DELAY, Duration.ofSeconds(1)),
        // Four times the SDK's defaults (2048, 512): logs come in larger volumes than spans, and
        // fewer, larger requests cost the export thread less per record (README, Benchmarks).
        values.positiveInt(OTEL_BLRP_MAX_QUEUE_SIZE, 8192),
        values.positiveInt(OTEL_BLRP_MAX_EXPORT_BATCH_SIZE, 2048),
        values.duration(OTEL_BLRP_EXPORT_TIMEOUT, Duration.ofSeconds(30)),
        values.duration(OTEL_EXPORTER_OTLP_TIMEOUT, Duration.ofSeconds(10)),
        compression,
        values.level(OBSERVABILITY_EXPORT_LEVEL, "INFO"),
        values.bool(OBSERVABILITY_CODE_ATTRIBUTES, false),
        values.duration(OBSERVABILITY_SHUTDOWN_TIMEOUT, Duration.ofSeconds(5)),
        values.durationOrOff(OBSERVABILITY_QUEUE_FULL_WAIT, DEFAULT_QUEUE_FULL_WAIT),
        values.positiveInt(OBSERVABILITY_EXPORT_CONCURRENCY, 2, MAX_EXPORT_CONCURRENCY));
  }

  /**
   * Checks an endpoint URL. A base endpoint gets {@code /v1/logs} appended exactly once, with or
   * without a trailing slash. The error names the variable but never repeats the value, which may
   * carry credentials.
   */
  static URI parseEndpoint(String key, String raw, boolean appendLogsPath, List<String> errors) {
    return parseEndpoint(key, raw, appendLogsPath ? "/v1/logs" : null, errors);
  }

  /** As above for any signal: a base endpoint gets {@code signalPath} appended exactly once. */
  static URI parseEndpoint(String key, String raw, String signalPath, List<String> errors) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      errors.add(key + " is not a valid URL (" + e.getReason() + "); OTLP export is off");
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      errors.add(key + " must start with http:// or https://; OTLP export is off");
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      errors.add(key + " has no host; OTLP export is off");
      return null;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      errors.add(key + " must not carry a query or fragment; OTLP export is off");
      return null;
    }
    if (signalPath == null) {
      return uri;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.endsWith(signalPath)) {
      path = path + signalPath;
    }
    try {
      return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + path);
    } catch (URISyntaxException e) {
      errors.add(key + " is not a valid URL (" + e.getReason() + "); OTLP export is off");
      return null;
    }
  }

  private static List<String> patterns(EnvironmentValues values) {
    String raw = values.text(OBSERVABILITY_REDACT_PATTERNS);
    if (raw == null) {
      return List.of();
    }
    return java.util.Arrays.stream(raw.split(";;"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * OBSERVABILITY_SPOOL_DIR, else a folder per service in the user's cache (XDG base directories):
   * {@code $XDG_CACHE_HOME/observability/spool/<service>}, else {@code
   * ~/.cache/observability/spool/<service>}, else, when the home folder cannot be written, {@code
   * <tmp>/observability-spool-<user>/<service>}. Per user, so no other account can read or feed
   * it. A service without a name of its own ({@value #DEFAULT_SERVICE_NAME}) also gets its main
   * class in the folder name: two unnamed applications must not replay each other's records.
   */
  static Path spoolDirectory(String configured, String serviceName, Map<String, String> env) {
    if (configured != null) {
      return Path.of(configured);
    }
    String folder = serviceName;
    if (serviceName.equals(DEFAULT_SERVICE_NAME)) {
      folder = serviceName + "-" + mainClassName();
    }
    return spoolBase(env).resolve(folder.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  private static Path spoolBase(Map<String, String> env) {
    String cacheHome = env.get("XDG_CACHE_HOME");
    if (cacheHome != null && Path.of(cacheHome).isAbsolute()) {
      return Path.of(cacheHome, "observability", "spool");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    if (home != null && !home.isBlank() && writableOrCreatable(Path.of(home, ".cache"))) {
      return Path.of(home, ".cache", "observability", "spool");
    }
    String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
    return Path.of(System.getProperty("java.io.tmpdir"), "observability-spool-" + user);
  }

  private static boolean writableOrCreatable(Path cache) {
    if (java.nio.file.Files.isDirectory(cache)) {
      return java.nio.file.Files.isWritable(cache);
    }
    Path home = cache.getParent();
    return java.nio.file.Files.isDirectory(home) && java.nio.file.Files.isWritable(home);
  }

  /** The launcher's main class (or jar file name); "java" when the JVM does not say. */
  private static String mainClassName() {
    String command = System.getProperty("sun.java.command", "").trim();
    if (command.isEmpty()) {
      return "java";
    }
    String first = command.split("\\s+", 2)[0];
    return first.substring(first.lastIndexOf(java.io.File.separatorChar) + 1);
  }
}
