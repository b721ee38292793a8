package com.financereport.backend.reports;

import com.financereport.backend.http.ApiError;
import com.financereport.backend.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/reports/summary?month=2026-10} and {@code GET /api/reports/{id}}. Both answer 503
 * "database is not configured" when DATABASE_URL is unset.
 */
public final class ReportsEndpoints implements Routes {
  private final ReportRepository reports;

  /** @param reports null when the database is not configured */
  public ReportsEndpoints(ReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public void register(JavalinDefaultRoutingApi router) {
    // The literal route first, so "summary" is never taken for an id.
    router.get("/api/reports/summary", this::summary);
    router.get("/api/reports/{id}", this::report);
  }

  private void summary(Context ctx) {
    ReportRepository repository = configured();
    YearMonth month = month(ctx.queryParam("month"));
    MonthlySummary summary = repository.summary(month);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("month", summary.month().toString());
    body.put("total", summary.total());
    body.put("entry_count", summary.entryCount());
    ctx.json(body);
  }

  private void report(Context ctx) {
    ReportRepository repository = configured();
    UUID id = reportId(ctx.pathParam("id"));
    Report report = repository.find(id).orElseThrow(() -> ApiError.notFound("report not found"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", report.id().toString());
    body.put("month", report.month());
    body.put("total", report.total());
    body.put("entry_count", report.entryCount());
    body.put("created_at", report.createdAt().toString());
    ctx.json(body);
  }

  private ReportRepository configured() {
    if (reports == null) {
      throw ApiError.notConfigured("database");
    }
    return reports;
  }

  private static YearMonth month(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ApiError.badRequest("query parameter month is required, e.g. month=2026-10");
    }
    try {
      return YearMonth.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("month must be a year and month such as 2026-10");
    }
  }

  // An id that is not a UUID cannot name a report: same answer as an unknown one.
  private static UUID reportId(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw ApiError.notFound("report not found");
    }
  }
}
