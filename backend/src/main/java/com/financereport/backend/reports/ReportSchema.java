package com.financereport.backend.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates the reports tables and a few example rows, once per process. Idempotent and safe to run
 * from several instances at once (an advisory lock serialises them). Run at start, and again
 * before the first query if the database was down at start.
 */
final class ReportSchema {
  // Any constant unique to this schema; instances of the service share it.
  private static final long LOCK_KEY = 0x66696e7265706f72L;

  private static final String[] STATEMENTS = {
    "CREATE TABLE IF NOT EXISTS ledger_entries ("
        + " id BIGINT PRIMARY KEY,"
        + " booked_on DATE NOT NULL,"
        + " amount NUMERIC(14,2) NOT NULL,"
        + " description TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ledger_entries_booked_on ON ledger_entries (booked_on)",
    "CREATE TABLE IF NOT EXISTS monthly_reports ("
        + " id UUID PRIMARY KEY,"
        + " month CHAR(7) NOT NULL,"
        + " total NUMERIC(14,2) NOT NULL,"
        + " entry_count INTEGER NOT NULL,"
        + " created_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    "INSERT INTO ledger_entries (id, booked_on, amount, description) VALUES"
        + " (1, DATE '2026-09-01', 1200.00, 'salary'),"
        + " (2, DATE '2026-09-03', -430.00, 'rent'),"
        + " (3, DATE '2026-10-01', 1200.00, 'salary'),"
        + " (4, DATE '2026-10-03', -450.25, 'rent'),"
        + " (5, DATE '2026-10-17', -89.90, 'groceries')"
        + " ON CONFLICT (id) DO NOTHING",
    "INSERT INTO monthly_reports (id, month, total, entry_count, created_at) VALUES"
        + " ('" + ReportRepository.EXAMPLE_REPORT_ID + "', '2026-09', 770.00, 2, TIMESTAMPTZ '2026-10-01 00:00:00+00')"
        + " ON CONFLICT (id) DO NOTHING",
  };

  private final AtomicBoolean ready = new AtomicBoolean();

  /** Creates what is missing unless this process already did. */
  void ensure(Connection connection) throws SQLException {
    if (ready.get()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
      for (String sql : STATEMENTS) {
        statement.execute(sql);
      }
      connection.commit();
      ready.set(true);
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
