package com.financereport.backend.boot;

import com.financereport.observability.Observability;

/**
 * {@code java -jar finance-report-backend.jar}: boots from the process environment and exits with
 * the {@link BootResult} code when it cannot start (2 configuration, 1 start-up failure).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    BootResult result = new Bootloader(Observability.runtime(), System.err, DevelopmentDatabase.EMBEDDED)
            .boot(System.getenv());
    if (!result.isStarted()) {
      System.exit(result.exitCode());
    }
    // Jetty's non-daemon threads keep the JVM alive; SIGTERM stops the server cleanly.
    Runtime.getRuntime().addShutdownHook(new Thread(result::stop, "backend-shutdown"));
  }
}
