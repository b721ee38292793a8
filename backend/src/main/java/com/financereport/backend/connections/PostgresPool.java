package com.financereport.backend.connections;

import com.financereport.backend.settings.DatabaseSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Opens the HikariCP pool for the reports database. */
final class PostgresPool {
  private static final int MAX_CONNECTIONS = 8;

  private PostgresPool() {}

  /**
   * A pool that starts without connecting (the bootloader waits for the database itself, and a
   * database that is down must show in /health rather than crash the service). {@code
   * checkoutTimeout} bounds how long a request or health check waits for a connection.
   */
  static HikariDataSource open(DatabaseSettings database, Duration checkoutTimeout) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("reports-db");
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.user());
    config.setPassword(database.password());
    database.properties().forEach(config::addDataSourceProperty);
    long seconds = Math.max(1, (checkoutTimeout.toMillis() + 999) / 1000);
    // Driver-level timeouts (seconds) so a socket that never answers frees its thread.
    config.addDataSourceProperty("connectTimeout", String.valueOf(seconds));
    config.addDataSourceProperty("loginTimeout", String.valueOf(seconds));
    config.addDataSourceProperty("socketTimeout", "30");
    config.addDataSourceProperty("ApplicationName", "finance-report-backend");
    config.setConnectionTimeout(Math.max(250, checkoutTimeout.toMillis()));
    config.setValidationTimeout(Math.max(250, Math.min(checkoutTimeout.toMillis(), 5_000)));
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(1);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}
