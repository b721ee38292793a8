package com.financereport.backend.settings;

import static com.financereport.backend.settings.SettingsKeys.*;

import com.financereport.observability.settings.ObservabilitySettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything the backend reads from the environment, read once. Build it with {@link
 * #fromEnvironment(Map)}; tests pass their own map and never touch the real environment.
 *
 * <p>Reading never throws: every malformed value adds one sentence to {@link #errors()} naming the
 * variable (never repeating a secret), so an operator sees all mistakes at once. A dependency whose
 * variables are unset is null here and reported as "not_configured" by /health.
 *
 * @param port PORT, default {@value #DEFAULT_PORT}; 0 picks a free port
 * @param database DATABASE_URL, null when unset
 * @param redis REDIS_URL, null when unset
 * @param s3 S3_BUCKET with S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION; null when
 *     S3_BUCKET is unset
 * @param healthCheckTimeout HEALTH_CHECK_TIMEOUT, default 2 s: the budget of each /health check
 * @param databaseStartupTimeout DATABASE_STARTUP_TIMEOUT, default 30 s: how long start-up waits
 *     for PostgreSQL
 * @param observability the library's settings from the same variables
 * @param errors the backend's own configuration errors; see {@link #allErrors()}
 */
public record BackendSettings(
    int port,
    DatabaseSettings database,
    RedisSettings redis,
    S3Settings s3,
    Duration healthCheckTimeout,
    Duration databaseStartupTimeout,
    ObservabilitySettings observability,
    List<String> errors) {

  public static final int DEFAULT_PORT = 8000;
  public static final Duration DEFAULT_HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_DATABASE_STARTUP_TIMEOUT = Duration.ofSeconds(30);

  /** Deployed environments: there a missing DATABASE_URL is a wrong deploy, not a laptop. */
  private static final List<String> DATABASE_REQUIRED_IN = List.of("production", "staging");

  // Bucket naming rules of S3, loose enough for S3-compatible stores.
  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
  private static final Pattern REGION = Pattern.compile("^[a-z0-9-]{2,32}$");

  public BackendSettings {
    errors = List.copyOf(errors);
  }

  /** Settings from the given variables; never throws. */
  public static BackendSettings fromEnvironment(Map<String, String> env) {
    List<String> errors = new ArrayList<>();
    EnvironmentReader values = new EnvironmentReader(env, errors);

    int port = values.port(PORT, DEFAULT_PORT);
    String databaseUrl = values.text(DATABASE_URL);
    DatabaseSettings database =
        databaseUrl == null ? null : DatabaseSettings.parse(DATABASE_URL, databaseUrl, errors);
    String redisUrl = values.text(REDIS_URL);
    RedisSettings redis = redisUrl == null ? null : RedisSettings.parse(REDIS_URL, redisUrl, errors);
    S3Settings s3 = readS3(values);
    Duration healthTimeout = values.duration(HEALTH_CHECK_TIMEOUT, DEFAULT_HEALTH_CHECK_TIMEOUT);
    Duration startupTimeout =
        values.duration(DATABASE_STARTUP_TIMEOUT, DEFAULT_DATABASE_STARTUP_TIMEOUT);

    ObservabilitySettings observability = ObservabilitySettings.fromEnvironment(env);
    String environment = environmentName(observability);
    if (databaseUrl == null && DATABASE_REQUIRED_IN.contains(environment)) {
      errors.add(
          DATABASE_URL + " is required when the environment is " + environment
              + " (only development starts an embedded PostgreSQL)");
    }

    return new BackendSettings(
        port, database, redis, s3, healthTimeout, startupTimeout, observability, errors);
  }

  /**
   * True when DATABASE_URL is unset and the environment is development: {@code java -jar} then
   * starts an embedded PostgreSQL.
   */
  public boolean wantsEmbeddedDatabase() {
    return database == null
        && ObservabilitySettings.DEFAULT_ENVIRONMENT.equals(environmentName(observability));
  }

  private static String environmentName(ObservabilitySettings observability) {
    return observability.environment().trim().toLowerCase(Locale.ROOT);
  }

  /** The backend's errors followed by the observability library's: all must be fixed to start. */
  public List<String> allErrors() {
    List<String> all = new ArrayList<>(errors);
    all.addAll(observability.errors());
    return List.copyOf(all);
  }

  /** DEBUG=true: 500 responses show the exception's message instead of a generic one. */
  public boolean debug() {
    return observability.debug();
  }

  private static S3Settings readS3(EnvironmentReader values) {
    String endpointText = values.text(S3_ENDPOINT);
    String bucket = values.text(S3_BUCKET);
    String accessKey = values.text(S3_ACCESS_KEY);
    String secretKey = values.text(S3_SECRET_KEY);
    String region = values.text(S3_REGION, S3Settings.DEFAULT_REGION).toLowerCase(Locale.ROOT);
    int errorsBefore = values.errorCount();

    if (bucket == null) {
      if (endpointText != null || accessKey != null || secretKey != null) {
        values.error(
            S3_BUCKET + " is required when " + S3_ENDPOINT + ", " + S3_ACCESS_KEY + " or "
                + S3_SECRET_KEY + " is set");
      }
      return null;
    }
    if (!BUCKET.matcher(bucket).matches()) {
      values.error(
          S3_BUCKET + " must be 3-63 lower-case letters, digits, dots or hyphens (got \"" + bucket + "\")");
    }
    if (!REGION.matcher(region).matches()) {
      values.error(S3_REGION + " must look like us-east-1 (got \"" + region + "\")");
    }
    if ((accessKey == null) != (secretKey == null)) {
      values.error(
          S3_ACCESS_KEY + " and " + S3_SECRET_KEY
              + " must be set together (leave both unset to use the default AWS credential chain)");
    }
    URI endpoint = null;
    if (endpointText != null) {
      endpoint = parseEndpoint(endpointText, values);
    }
    if (values.errorCount() > errorsBefore) {
      return null;
    }
    return new S3Settings(endpoint, bucket, region, accessKey, secretKey);
  }

  // The endpoint may carry credentials by mistake, so errors never repeat it.
  private static URI parseEndpoint(String raw, EnvironmentReader values) {
    try {
      URI uri = new URI(raw);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        values.error(S3_ENDPOINT + " must start with http:// or https://");
        return null;
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        values.error(S3_ENDPOINT + " has no host name");
        return null;
      }
      if (uri.getRawUserInfo() != null) {
        values.error(
            S3_ENDPOINT + " must not carry credentials; use " + S3_ACCESS_KEY + " and " + S3_SECRET_KEY);
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      values.error(S3_ENDPOINT + " is not a valid URL such as http://127.0.0.1:9000");
      return null;
    }
  }

  @Override
  public String toString() {
    return "BackendSettings[port=" + port
        + ", database=" + database
        + ", redis=" + redis
        + ", s3=" + s3
        + ", healthCheckTimeout=" + healthCheckTimeout
        + ", databaseStartupTimeout=" + databaseStartupTimeout
        + ", observability=" + observability.serviceName() + "/" + observability.environment()
        + ", export=" + observability.export()
        + ", errors=" + errors + "]";
  }
}
