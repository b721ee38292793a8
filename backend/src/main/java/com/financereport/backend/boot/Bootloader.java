package com.financereport.backend.boot;

import com.financereport.backend.FinanceReportBackend;
import com.financereport.backend.RunningBackend;
import com.financereport.backend.embedded.EmbeddedDatabase;
import com.financereport.backend.health.FailureSummary;
import com.financereport.backend.settings.BackendSettings;
import com.financereport.backend.settings.SettingsKeys;
import com.financereport.observability.ObservabilityRuntime;
import io.javalin.util.JavalinBindException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the service up in order: validate every setting (all errors at once, exit 2), start an
 * embedded PostgreSQL in development when DATABASE_URL is unset (if asked to), wait for PostgreSQL
 * when it is configured (exit 1 after DATABASE_STARTUP_TIMEOUT), then start serving.
 * Redis, S3 and SigNoz being down does not stop the start: /health reports them.
 *
 * <p>It returns a {@link BootResult} instead of exiting, so tests can boot it; {@link Main} turns
 * the result into the process exit code.
 */
public final class Bootloader {
  private static final Logger log = LoggerFactory.getLogger(Bootloader.class);
  private static final String PREFIX = "finance-report-backend: ";

  private final ObservabilityRuntime observability;
  private final PrintStream console;
  private final DevelopmentDatabase developmentDatabase;

  /** A bootloader that runs without a database when DATABASE_URL is unset. */
  public Bootloader(ObservabilityRuntime observability, PrintStream console) {
    this(observability, console, DevelopmentDatabase.NONE);
  }

  /**
   * @param observability the runtime the process logs with; /health reports its export status
   * @param console where start-up failures are printed for a human (standard error)
   * @param developmentDatabase what to do in development when DATABASE_URL is unset
   */
  public Bootloader(
      ObservabilityRuntime observability, PrintStream console, DevelopmentDatabase developmentDatabase) {
    this.observability = observability;
    this.console = console;
    this.developmentDatabase = developmentDatabase;
  }

  public BootResult boot(Map<String, String> environment) {
    BackendSettings settings = BackendSettings.fromEnvironment(environment);
    List<String> errors = settings.allErrors();
    if (!errors.isEmpty()) {
      errors.forEach(error -> console.println(PREFIX + "configuration error: " + error));
      log.atError()
          .setMessage("Invalid configuration; not starting")
          .addKeyValue("errors", errors)
          .addKeyValue("exit_code", BootResult.INVALID_CONFIGURATION)
          .log();
      return BootResult.failed(BootResult.INVALID_CONFIGURATION, errors);
    }
    FailureSummary failures = new FailureSummary(observability.redactor());
    EmbeddedDatabase embedded = null;
    if (developmentDatabase == DevelopmentDatabase.EMBEDDED && settings.wantsEmbeddedDatabase()) {
      try {
        embedded = EmbeddedDatabase.start();
      } catch (RuntimeException e) {
        return startupFailed("the embedded PostgreSQL did not start: " + failures.of(e)
            + "; set DATABASE_URL to use a running PostgreSQL");
      }
      log.atInfo()
          .setMessage(
              "DATABASE_URL is unset: using an embedded PostgreSQL for development, emptied at exit;"
                  + " set DATABASE_URL=postgres://user:password@host:5432/database for a real one")
          .addKeyValue("database", "127.0.0.1:" + embedded.port())
          .log();
      Map<String, String> withDatabase = new HashMap<>(environment);
      withDatabase.put(SettingsKeys.DATABASE_URL, embedded.url());
      settings = BackendSettings.fromEnvironment(withDatabase);
    }
    BootResult result = serve(settings, failures, embedded);
    if (!result.isStarted() && embedded != null) {
      embedded.close();
    }
    return result;
  }

  private BootResult serve(BackendSettings settings, FailureSummary failures, EmbeddedDatabase embedded) {
    if (settings.database() != null) {
      Optional<String> unreachable;
      try {
        unreachable =
            new DatabaseStartupWait(settings.database(), settings.databaseStartupTimeout(), failures)
                .await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unreachable = Optional.of("interrupted while waiting for PostgreSQL");
      }
      if (unreachable.isPresent()) {
        return startupFailed(unreachable.get());
      }
    }
    try {
      RunningBackend backend = FinanceReportBackend.start(settings, observability);
      return BootResult.started(backend, embedded);
    } catch (RuntimeException e) {
      String message =
          e instanceof JavalinBindException
              ? "PORT " + settings.port() + " is not available: " + failures.of(e)
              : "the server did not start: " + failures.of(e);
      return startupFailed(message);
    }
  }

  private BootResult startupFailed(String message) {
    console.println(PREFIX + message);
    log.atError()
        .setMessage("Backend did not start")
        .addKeyValue("reason", message)
        .addKeyValue("exit_code", BootResult.STARTUP_FAILED)
        .log();
    return BootResult.failed(BootResult.STARTUP_FAILED, List.of(message));
  }
}
