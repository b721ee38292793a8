package com.financereport.backend.boot;

import com.financereport.backend.health.FailureSummary;
import com.financereport.backend.settings.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for PostgreSQL at start, retrying with exponential backoff (0.2 s doubling to 5 s) until
 * DATABASE_STARTUP_TIMEOUT. The reports cannot work without it, while a database that is still
 * starting (compose, Kubernetes) should not fail the deploy.
 */
final class DatabaseStartupWait {
  private static final Logger log = LoggerFactory.getLogger(DatabaseStartupWait.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final DatabaseSettings database;
  private final Duration timeout;
  private final FailureSummary failures;

  DatabaseStartupWait(DatabaseSettings database, Duration timeout, FailureSummary failures) {
    this.database = database;
    this.timeout = timeout;
    this.failures = failures;
  }

  /** Empty once a connection succeeded; otherwise the one message to print before exiting. */
  Optional<String> await() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Duration backoff = FIRST_BACKOFF;
    int attempt = 0;
    String lastError;
    while (true) {
      attempt++;
      long remaining = deadline - System.nanoTime();
      try {
        connect(Duration.ofNanos(Math.max(remaining, 1))).close();
        if (attempt > 1) {
          log.atInfo().setMessage("PostgreSQL is reachable").addKeyValue("attempts", attempt).log();
        }
        return Optional.empty();
      } catch (SQLException e) {
        lastError = failures.of(e);
      }
      remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        break;
      }
      Duration pause = backoff.toNanos() < remaining ? backoff : Duration.ofNanos(remaining);
      log.atWarn()
          .setMessage("Waiting for PostgreSQL")
          .addKeyValue("database", database.location())
          .addKeyValue("attempt", attempt)
          .addKeyValue("retry_in_ms", pause.toMillis())
          .addKeyValue("error", lastError)
          .log();
      Thread.sleep(pause.toMillis(), (int) (pause.toNanos() % 1_000_000));
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }
    return Optional.of(
        "DATABASE_URL: PostgreSQL at " + database.location() + " was not reachable within "
            + seconds(timeout) + " (DATABASE_STARTUP_TIMEOUT) after " + attempt + " attempt(s); last error: "
            + lastError);
  }

  private Connection connect(Duration remaining) throws SQLException {
    Properties properties = new Properties();
    database.properties().forEach(properties::setProperty);
    if (database.user() != null) {
      properties.setProperty("user", database.user());
    }
    if (database.password() != null) {
      properties.setProperty("password", database.password());
    }
    // Whole seconds, at least 1: one attempt must not outlive the overall budget by much.
    String seconds = String.valueOf(Math.max(1, Math.min(10, remaining.toSeconds())));
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    properties.setProperty("ApplicationName", "finance-report-backend");
    return DriverManager.getConnection(database.jdbcUrl(), properties);
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
