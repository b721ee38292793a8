package com.financereport.observability.status;

/**
 * The names of the log pipeline's figures as metrics, one set for every metrics API (the OTLP
 * metrics of {@code signals}, the Spring Boot starter's Micrometer meters). They follow the
 * semantic conventions for SDK self-observability ({@code otel.sdk.*}) where one exists; the spool
 * has none, so its figures are ours ({@code observability.log.spool.*}).
 */
public final class LogPipelineMetricNames {
  /** Log records whose export finished; {@code error.type} set when it failed or was rejected. */
  public static final String EXPORTED = "otel.sdk.exporter.log.exported";
  /** Log records waiting in memory. */
  public static final String QUEUE_SIZE = "otel.sdk.processor.log.queue.size";
  /** How many log records the in-memory queue holds. */
  public static final String QUEUE_CAPACITY = "otel.sdk.processor.log.queue.capacity";
  /** Log records lost for good. */
  public static final String DROPPED = "observability.log.dropped";
  /** Log records on disk. */
  public static final String SPOOLED = "observability.log.spool.records";
  /** Bytes on disk, in By. */
  public static final String SPOOLED_BYTES = "observability.log.spool.size";
  /** Age of the oldest spooled record, in s. */
  public static final String OLDEST_SPOOLED = "observability.log.spool.oldest_age";
  /** Log records delivered from the spool. */
  public static final String REPLAYED = "observability.log.spool.replayed";

  private LogPipelineMetricNames() {}
}
