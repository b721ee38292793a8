package com.financereport.observability.internal;

import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.status.ExportStatus;
import java.time.Duration;

/**
 * The process's one OTLP export pipeline, as its {@link ObservabilityRuntime} sees it. It outlives
 * Logback context resets (Spring Boot's re-initialisation, a {@code scan} reload): appenders come
 * and go, the queue, the sender and the spool stay, so nothing is orphaned, duplicated or lost.
 */
public interface ExportPipeline {
  /** The live export figures. */
  ExportStatus status();

  /**
   * Delivers what is queued and spooled, or spools it when the collector fails, within {@code
   * timeout}; then stops for good. Returns how many records were neither delivered nor spooled.
   */
  long shutdown(Duration timeout);

  /** Drops the JVM shutdown hook: a framework calls {@link #shutdown} itself, in order. */
  void leaveShutdownToHost();
}
