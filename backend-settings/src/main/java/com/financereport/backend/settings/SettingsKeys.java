package com.financereport.backend.settings;

import com.financereport.observability.settings.EnvironmentKeys;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every environment key the backend's settings read, aliases included: its own keys plus the
 * library's. The env-drift check (obs env check) and the guide's configuration table use {@link
 * #ALL}; nothing parses source text for them.
 */
public final class SettingsKeys {
  public static final String PORT = "PORT";
  public static final String DATABASE_URL = "DATABASE_URL";
  public static final String REDIS_URL = "REDIS_URL";
  public static final String S3_ENDPOINT = "S3_ENDPOINT";
  public static final String S3_ACCESS_KEY = "S3_ACCESS_KEY";
  public static final String S3_SECRET_KEY = "S3_SECRET_KEY";
  public static final String S3_BUCKET = "S3_BUCKET";
  public static final String S3_REGION = "S3_REGION";
  public static final String HEALTH_CHECK_TIMEOUT = "HEALTH_CHECK_TIMEOUT";
  public static final String DATABASE_STARTUP_TIMEOUT = "DATABASE_STARTUP_TIMEOUT";

  /** The backend's own keys. */
  public static final Set<String> BACKEND =
      Set.of(
          PORT,
          DATABASE_URL,
          REDIS_URL,
          S3_ENDPOINT,
          S3_ACCESS_KEY,
          S3_SECRET_KEY,
          S3_BUCKET,
          S3_REGION,
          HEALTH_CHECK_TIMEOUT,
          DATABASE_STARTUP_TIMEOUT);

  /** The backend's keys and the observability library's, sorted. */
  public static final Set<String> ALL;

  static {
    TreeSet<String> all = new TreeSet<>(BACKEND);
    all.addAll(EnvironmentKeys.ALL);
    ALL = java.util.Collections.unmodifiableSet(all);
  }

  /** Names read only in place of another (ENV for ENVIRONMENT); a deployment sets the other. */
  public static final Set<String> ALIASES = Set.of(EnvironmentKeys.ENV);

  /**
   * The keys a deployed service (production, staging, pr-N) gets from its secrets template: all of
   * {@link #ALL} but the aliases, sorted. obs env check fails when the template renders one fewer.
   */
  public static final Set<String> DEPLOYED;

  static {
    TreeSet<String> deployed = new TreeSet<>(ALL);
    deployed.removeAll(ALIASES);
    DEPLOYED = java.util.Collections.unmodifiableSet(deployed);
  }

  private SettingsKeys() {}
}
