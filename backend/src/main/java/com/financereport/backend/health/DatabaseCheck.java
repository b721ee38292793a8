package com.financereport.backend.health;

import com.financereport.observability.instrument.ClientSpan;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/** PostgreSQL answers {@code SELECT 1}. */
public final class DatabaseCheck implements HealthCheck {
  private final DataSource database;
  private final int queryTimeoutSeconds;

  public DatabaseCheck(DataSource database, Duration timeout) {
    this.database = database;
    this.queryTimeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  @Override
  public CheckResult check() throws Exception {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      ClientSpan.call("postgresql", "SELECT", () -> statement.execute("SELECT 1"));
      return CheckResult.up();
    }
  }
}
