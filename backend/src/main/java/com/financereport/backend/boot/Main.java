package com.financereport.backend.boot;

import com.financereport.observability.Observability;
import com.financereport.observability.settings.ObservabilitySettings;

/**
 * {@code java -jar finance-report-backend.jar}: boots from the process environment and exits with
 * the {@link BootResult} code when it cannot start (2 configuration, 1 start-up failure).
 */
public final class Main {
  static final String SERVICE_NAME = "finance-report-backend";

  private Main() {}

  public static void main(String[] args) {
    nameTheService();
    BootResult result = new Bootloader(Observability.runtime(), System.err, DevelopmentDatabase.EMBEDDED)
            .boot(System.getenv());
    if (!result.isStarted()) {
      System.exit(result.exitCode());
    }
    // Jetty's non-daemon threads keep the JVM alive; SIGTERM stops the server cleanly.
    Runtime.getRuntime().addShutdownHook(new Thread(result::stop, "backend-shutdown"));
  }

  /**
   * The library names a service that does not name itself as OpenTelemetry does
   * (unknown_service:java); this one has a name of its own. It is passed the way OTel's
   * autoconfigure takes one, the otel.service.name system property, before the first logger reads
   * the settings, and only when the deploy names none: OTEL_SERVICE_NAME, service.name in
   * OTEL_RESOURCE_ATTRIBUTES and -Dotel.service.name still win.
   */
  static void nameTheService() {
    if (ObservabilitySettings.fromSystemEnvironment()
        .serviceName()
        .equals(ObservabilitySettings.DEFAULT_SERVICE_NAME)) {
      System.setProperty(ObservabilitySettings.SERVICE_NAME_PROPERTY, SERVICE_NAME);
    }
  }
}
