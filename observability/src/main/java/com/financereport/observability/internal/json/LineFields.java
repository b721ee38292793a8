package com.financereport.observability.internal.json;

import java.util.Set;

/**
 * The fixed members of a stdout line, in the order written. User keys (SLF4J key-values and MDC)
 * never replace them: a clashing key is written with a {@code kv.} or {@code mdc.} prefix.
 */
public final class LineFields {
  public static final String TIME = "time";
  public static final String LEVEL = "level";
  public static final String LOGGER = "logger";
  public static final String THREAD = "thread";
  public static final String MESSAGE = "message";
  public static final String SERVICE_NAME = "service.name";
  public static final String SERVICE_VERSION = "service.version";
  public static final String DEPLOYMENT_ENVIRONMENT = "deployment.environment";
  public static final String DEPLOYMENT_ENVIRONMENT_NAME = "deployment.environment.name";
  public static final String TRACE_ID = "trace_id";
  public static final String SPAN_ID = "span_id";
  public static final String EXCEPTION = "exception";
  public static final String EXCEPTION_TYPE = "type";
  public static final String EXCEPTION_MESSAGE = "message";
  public static final String EXCEPTION_STACKTRACE = "stacktrace";
  /** The event's SLF4J markers, as an array of names; present only when it has any. */
  public static final String TAGS = "tags";
  /** Present and true when members were left out to respect the line limit. */
  public static final String TRUNCATED = "truncated";

  public static final String KEY_VALUE_PREFIX = "kv.";
  public static final String MDC_PREFIX = "mdc.";

  public static final Set<String> RESERVED =
      Set.of(
          TIME,
          LEVEL,
          LOGGER,
          THREAD,
          MESSAGE,
          SERVICE_NAME,
          SERVICE_VERSION,
          DEPLOYMENT_ENVIRONMENT,
          DEPLOYMENT_ENVIRONMENT_NAME,
          TRACE_ID,
          SPAN_ID,
          EXCEPTION,
          TRUNCATED);

  private LineFields() {}
}
