package com.financereport.observability.settings;

import java.util.Set;

/**
 * Every environment variable the library reads, in one place. The env-drift check and the guide's
 * configuration table are verified against {@link #ALL}.
 */
public final class EnvironmentKeys {
  public static final String ENVIRONMENT = "ENVIRONMENT";
  public static final String ENV = "ENV";
  public static final String DEBUG = "DEBUG";
  public static final String LOG_LEVEL = "LOG_LEVEL";
  public static final String OTEL_SERVICE_NAME = "OTEL_SERVICE_NAME";
  public static final String OTEL_RESOURCE_ATTRIBUTES = "OTEL_RESOURCE_ATTRIBUTES";
  public static final String GIT_COMMIT_SHA = "GIT_COMMIT_SHA";

  public static final String OTEL_EXPORTER_OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
  public static final String OTEL_EXPORTER_OTLP_LOGS_ENDPOINT = "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT";
  public static final String OTEL_EXPORTER_OTLP_HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";
  public static final String OTEL_EXPORTER_OTLP_LOGS_HEADERS = "OTEL_EXPORTER_OTLP_LOGS_HEADERS";
  public static final String OTEL_EXPORTER_OTLP_PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";
  public static final String OTEL_EXPORTER_OTLP_LOGS_PROTOCOL = "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL";
  public static final String OTEL_EXPORTER_OTLP_TIMEOUT = "OTEL_EXPORTER_OTLP_TIMEOUT";
  public static final String OTEL_EXPORTER_OTLP_COMPRESSION = "OTEL_EXPORTER_OTLP_COMPRESSION";
  public static final String OTEL_SDK_DISABLED = "OTEL_SDK_DISABLED";
  public static final String OTEL_LOGS_EXPORTER = "OTEL_LOGS_EXPORTER";
  public static final String OTEL_BLRP_SCHEDULE_DELAY = "OTEL_BLRP_SCHEDULE_DELAY";
  public static final String OTEL_BLRP_MAX_QUEUE_SIZE = "OTEL_BLRP_MAX_QUEUE_SIZE";
  public static final String OTEL_BLRP_MAX_EXPORT_BATCH_SIZE = "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE";
  public static final String OTEL_BLRP_EXPORT_TIMEOUT = "OTEL_BLRP_EXPORT_TIMEOUT";

  public static final String OBSERVABILITY_EXPORT_LEVEL = "OBSERVABILITY_EXPORT_LEVEL";
  public static final String OBSERVABILITY_CODE_ATTRIBUTES = "OBSERVABILITY_CODE_ATTRIBUTES";
  public static final String OBSERVABILITY_SHUTDOWN_TIMEOUT = "OBSERVABILITY_SHUTDOWN_TIMEOUT";
  public static final String OBSERVABILITY_QUEUE_FULL_WAIT = "OBSERVABILITY_QUEUE_FULL_WAIT";
  public static final String OBSERVABILITY_EXPORT_CONCURRENCY = "OBSERVABILITY_EXPORT_CONCURRENCY";
  public static final String OBSERVABILITY_MAX_VALUE_BYTES = "OBSERVABILITY_MAX_VALUE_BYTES";
  public static final String OBSERVABILITY_MAX_LINE_BYTES = "OBSERVABILITY_MAX_LINE_BYTES";
  public static final String OBSERVABILITY_REDACT_KEYS = "OBSERVABILITY_REDACT_KEYS";
  public static final String OBSERVABILITY_REDACT_PATTERNS = "OBSERVABILITY_REDACT_PATTERNS";
  public static final String OBSERVABILITY_SPOOL_DIR = "OBSERVABILITY_SPOOL_DIR";
  public static final String OBSERVABILITY_SPOOL_MAX_BYTES = "OBSERVABILITY_SPOOL_MAX_BYTES";
  public static final String OBSERVABILITY_SPOOL_MAX_AGE = "OBSERVABILITY_SPOOL_MAX_AGE";

  /** Every key above. */
  public static final Set<String> ALL =
      Set.of(
          ENVIRONMENT,
          ENV,
          DEBUG,
          LOG_LEVEL,
          OTEL_SERVICE_NAME,
          OTEL_RESOURCE_ATTRIBUTES,
          GIT_COMMIT_SHA,
          OTEL_EXPORTER_OTLP_ENDPOINT,
          OTEL_EXPORTER_OTLP_LOGS_ENDPOINT,
          OTEL_EXPORTER_OTLP_HEADERS,
          OTEL_EXPORTER_OTLP_LOGS_HEADERS,
          OTEL_EXPORTER_OTLP_PROTOCOL,
          OTEL_EXPORTER_OTLP_LOGS_PROTOCOL,
          OTEL_EXPORTER_OTLP_TIMEOUT,
          OTEL_EXPORTER_OTLP_COMPRESSION,
          OTEL_SDK_DISABLED,
          OTEL_LOGS_EXPORTER,
          OTEL_BLRP_SCHEDULE_DELAY,
          OTEL_BLRP_MAX_QUEUE_SIZE,
          OTEL_BLRP_MAX_EXPORT_BATCH_SIZE,
          OTEL_BLRP_EXPORT_TIMEOUT,
          OBSERVABILITY_EXPORT_LEVEL,
          OBSERVABILITY_CODE_ATTRIBUTES,
          OBSERVABILITY_SHUTDOWN_TIMEOUT,
          OBSERVABILITY_QUEUE_FULL_WAIT,
          OBSERVABILITY_EXPORT_CONCURRENCY,
          OBSERVABILITY_MAX_VALUE_BYTES,
          OBSERVABILITY_MAX_LINE_BYTES,
          OBSERVABILITY_REDACT_KEYS,
          OBSERVABILITY_REDACT_PATTERNS,
          OBSERVABILITY_SPOOL_DIR,
          OBSERVABILITY_SPOOL_MAX_BYTES,
          OBSERVABILITY_SPOOL_MAX_AGE);

  private EnvironmentKeys() {}
}
