package com.financereport.backend;

import com.financereport.backend.connections.Connections;
import com.financereport.backend.health.DatabaseCheck;
import com.financereport.backend.health.HealthChecks;
import com.financereport.backend.health.HealthEndpoint;
import com.financereport.backend.health.RedisCheck;
import com.financereport.backend.health.S3Check;
import com.financereport.backend.health.TelemetryCheck;
import com.financereport.backend.http.HttpApplication;
import com.financereport.observability.http.ServerRequests;
import com.financereport.backend.http.PingEndpoint;
import com.financereport.backend.reports.ReportRepository;
import com.financereport.backend.reports.ReportsEndpoints;
import com.financereport.backend.reports.StatementStorage;
import com.financereport.backend.reports.StatementsEndpoints;
import com.financereport.backend.settings.BackendSettings;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import io.javalin.Javalin;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the finance-report backend in this process. The bootloader uses it for {@code java -jar};
 * other modules' tests call it directly:
 *
 * <pre>{@code
 * try (RunningBackend backend = FinanceReportBackend.start(
 *     BackendSettings.fromEnvironment(Map.of("PORT", "0")))) {
 *   URI health = URI.create("http://127.0.0.1:" + backend.port() + "/health");
 * }
 * }</pre>
 *
 * It does not wait for dependencies: one that is down shows in /health.
 */
public final class FinanceReportBackend {
  private static final Logger log = LoggerFactory.getLogger(FinanceReportBackend.class);

  private FinanceReportBackend() {}

  /** Starts with the process's observability runtime (the one logging is configured with). */
  public static RunningBackend start(BackendSettings settings) {
    return start(settings, Observability.runtime());
  }

  /**
   * Starts with the given observability runtime, whose export status /health reports.
   *
   * @throws IllegalArgumentException when the settings hold configuration errors
   */
  public static RunningBackend start(BackendSettings settings, ObservabilityRuntime observability) {
    if (!settings.allErrors().isEmpty()) {
      throw new IllegalArgumentException(
          "invalid configuration: " + String.join("; ", settings.allErrors()));
    }
    LoggerLevels.capJettyAtInfo();
    Connections connections = Connections.open(settings);
    HealthChecks healthChecks = null;
    try {
      ReportRepository reports = reports(connections);
      StatementStorage statements =
          connections.s3() == null ? null : new StatementStorage(connections.s3(), settings.s3().bucket());
      healthChecks =
          HealthChecks.builder(settings.healthCheckTimeout(), observability.redactor())
              .required("database", connections.database() == null ? null
                  : new DatabaseCheck(connections.database(), settings.healthCheckTimeout()))
              .required("redis", connections.redis() == null ? null : new RedisCheck(connections.redis()))
              .required("s3", connections.s3() == null ? null : new S3Check(connections.s3(), settings.s3().bucket()))
              .informational("telemetry", new TelemetryCheck(observability::exportStatus))
              .build();
      Javalin server =
          HttpApplication.create(
              settings.debug(),
              observability.redactor(),
              ServerRequests.of(observability),
              List.of(
                  new PingEndpoint(),
                  new HealthEndpoint(healthChecks, observability, BackendVersion.read()),
                  new ReportsEndpoints(reports),
                  new StatementsEndpoints(statements)));
      server.start(settings.port());
      log.atInfo()
          .setMessage("Backend started")
          .addKeyValue("port", server.port())
          .addKeyValue("database_configured", settings.database() != null)
          .addKeyValue("redis_configured", settings.redis() != null)
          .addKeyValue("s3_configured", settings.s3() != null)
          .log();
      return new RunningBackend(server, healthChecks, connections);
    } catch (RuntimeException e) {
      if (healthChecks != null) {
        healthChecks.close();
      }
      connections.close();
      throw e;
    }
  }

  private static ReportRepository reports(Connections connections) {
    if (connections.database() == null) {
      return null;
    }
    ReportRepository reports = new ReportRepository(connections.database());
    try {
      reports.prepareSchema();
    } catch (SQLException e) {
      // The first query retries; meanwhile /health shows the database as down.
      log.atWarn()
          .setMessage("Reports schema not created yet; the first query will retry")
          .addKeyValue("error_type", e.getClass().getName())
          .log();
    }
    return reports;
  }
}
