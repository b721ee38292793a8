package com.financereport.backend.reports;

import com.financereport.observability.instrument.ClientSpan;
import com.financereport.backend.http.DependencyUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads ledger sums and stored reports from PostgreSQL. */
public final class ReportRepository {
  /** The report the schema seeds, so a fresh installation has one to fetch. */
  public static final String EXAMPLE_REPORT_ID = "3f1e0c2a-6b7d-4c1e-9a51-2f6d0b8e7c11";

  private static final String DEPENDENCY = "database";

  private final DataSource database;
  private final ReportSchema schema = new ReportSchema();

  public ReportRepository(DataSource database) {
    this.database = database;
  }

  /** Creates the schema now; a failure is left for the first query to retry. */
  public void prepareSchema() throws SQLException {
    try (Connection connection = database.getConnection()) {
      schema.ensure(connection);
    }
  }

  public MonthlySummary summary(YearMonth month) {
    String sql =
        "SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM ledger_entries"
            + " WHERE booked_on >= ? AND booked_on < ?";
    try (Connection connection = database.getConnection()) {
      schema.ensure(connection);
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        query.setObject(1, month.atDay(1));
        query.setObject(2, month.plusMonths(1).atDay(1));
        return ClientSpan.call(
            "postgresql",
            "SELECT",
            () -> {
              try (ResultSet row = query.executeQuery()) {
                row.next();
                return new MonthlySummary(month, row.getBigDecimal(1), row.getInt(2));
              }
            });
      }
    } catch (SQLException e) {
      throw new DependencyUnavailableException(DEPENDENCY, e);
    }
  }

  public Optional<Report> find(UUID id) {
    String sql = "SELECT id, month, total, entry_count, created_at FROM monthly_reports WHERE id = ?";
    try (Connection connection = database.getConnection()) {
      schema.ensure(connection);
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        query.setObject(1, id);
        return ClientSpan.call(
            "postgresql",
            "SELECT",
            () -> {
              try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                  return Optional.<Report>empty();
                }
                return Optional.of(
                    new Report(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getBigDecimal(3),
                        row.getInt(4),
                        row.getTimestamp(5).toInstant()));
              }
            });
      }
    } catch (SQLException e) {
      throw new DependencyUnavailableException(DEPENDENCY, e);
    }
  }
}
