package com.financereport.observability;

import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.status.ExportStatus;
import com.financereport.observability.status.ObservabilitySnapshot;

/**
 * The library's public entry point: the runtime the process logs with. The Logback
 * auto-configuration installs it at start; nothing else needs to.
 */
public final class Observability {
  // The single static entry point the Logback SPI needs: Logback instantiates the configurator and
  // encoders itself, so they cannot be handed the runtime.
  private static volatile ObservabilityRuntime installed;

  private Observability() {}

  /** The runtime in use; created from the process environment on first use. */
  public static ObservabilityRuntime runtime() {
    ObservabilityRuntime current = installed;
    if (current == null) {
      synchronized (Observability.class) {
        current = installed;
        if (current == null) {
          current = ObservabilityRuntime.create(ObservabilitySettings.fromSystemEnvironment());
          installed = current;
        }
      }
    }
    return current;
  }

  /**
   * Replaces the runtime, e.g. for a programmatic set-up from settings of one's own; a pipeline
   * the previous runtime ran is shut down first, so the process never runs two.
   */
  public static void install(ObservabilityRuntime runtime) {
    ObservabilityRuntime previous;
    synchronized (Observability.class) {
      previous = installed;
      installed = runtime;
    }
    if (previous != null && previous != runtime) {
      previous.shutdown(previous.settings().export().shutdownTimeout());
    }
  }

  /**
   * Delivers or spools what the export holds within {@code OBSERVABILITY_SHUTDOWN_TIMEOUT} and
   * stops it: for an application's or a framework's orderly shutdown, before logging stops. The
   * JVM shutdown hook does the same when nobody calls this. Returns how many records were neither
   * delivered nor spooled.
   */
  public static long shutdown() {
    ObservabilityRuntime current = installed;
    return current == null ? 0 : current.shutdown(current.settings().export().shutdownTimeout());
  }

  public static ObservabilitySettings settings() {
    return runtime().settings();
  }

  public static Redactor redactor() {
    return runtime().redactor();
  }

  public static ExportStatus exportStatus() {
    return runtime().exportStatus();
  }

  /**
   * The OpenTelemetry API for this process's traces and metrics, with the logs' resource: a no-op
   * tracer and meter (with the W3C propagator) unless OTEL_TRACES_EXPORTER or
   * OTEL_METRICS_EXPORTER is {@code otlp}.
   */
  public static io.opentelemetry.api.OpenTelemetry openTelemetry() {
    return runtime().signals().openTelemetry();
  }

  public static ObservabilitySnapshot snapshot() {
    return runtime().snapshot();
  }
}
