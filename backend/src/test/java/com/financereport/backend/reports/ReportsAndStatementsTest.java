package com.financereport.backend.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.backend.FinanceReportBackend;
import com.financereport.backend.RunningBackend;
import com.financereport.backend.settings.BackendSettings;
import com.financereport.backend.support.CapturedLogs;
import com.financereport.backend.support.HttpProbe;
import com.financereport.backend.support.Ports;
import com.financereport.backend.support.S3ProxyServer;
import com.financereport.backend.support.TestEnvironment;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.ObservabilitySettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsAndStatementsTest {
  private static final String BUCKET = "statements-it";
  private static final byte[] STATEMENT =
      "date,amount\n2026-10-03,-450.25\n".getBytes(StandardCharsets.UTF_8);

  private S3ProxyServer s3;
  private RunningBackend backend;
  private HttpProbe http;

  @BeforeAll
  void start() throws Exception {
    s3 = S3ProxyServer.start();
    s3.createBucket(BUCKET);
    backend = start(TestEnvironment.full(s3, BUCKET));
    http = new HttpProbe(backend.port());
  }

  @AfterAll
  void stop() throws Exception {
    backend.close();
    s3.close();
  }

  private static RunningBackend start(Map<String, String> env) {
    return FinanceReportBackend.start(
        BackendSettings.fromEnvironment(env),
        ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(env)));
  }

  @Test
  void summarySumsTheMonthsLedgerEntries() {
    HttpProbe.Response response = http.get("/api/reports/summary?month=2026-10");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("month").asText()).isEqualTo("2026-10");
    assertThat(response.json().path("total").decimalValue()).isEqualByComparingTo(new BigDecimal("659.85"));
    assertThat(response.json().path("entry_count").asInt()).isEqualTo(3);
  }

  @Test
  void summaryOfAMonthWithoutEntriesIsZero() {
    HttpProbe.Response response = http.get("/api/reports/summary?month=1999-01");

    assertThat(response.json().path("total").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(response.json().path("entry_count").asInt()).isZero();
  }

  @Test
  void summaryWithoutMonthIs400() {
    HttpProbe.Response response = http.get("/api/reports/summary");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains("month is required");
  }

  @Test
  void summaryWithMalformedMonthIs400() {
    HttpProbe.Response response = http.get("/api/reports/summary?month=2026-13");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).isEqualTo("month must be a year and month such as 2026-10");
  }

  @Test
  void storedReportIsReturnedById() {
    HttpProbe.Response response = http.get("/api/reports/" + ReportRepository.EXAMPLE_REPORT_ID);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("month").asText()).isEqualTo("2026-09");
    assertThat(response.json().path("entry_count").asInt()).isEqualTo(2);
  }

  @Test
  void unknownReportIs404() {
    HttpProbe.Response response = http.get("/api/reports/00000000-0000-0000-0000-000000000000");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("detail").asText()).isEqualTo("report not found");
  }

  @Test
  void reportIdThatIsNotAUuidIs404() {
    assertThat(http.get("/api/reports/latest").status()).isEqualTo(404);
  }

  @Test
  void uploadStoresTheStatementInTheBucketAndAnswers201WithItsId() {
    HttpProbe.Response response = http.post("/api/statements", STATEMENT, "Content-Type", "text/csv");

    assertThat(response.status()).isEqualTo(201);
    String id = response.json().path("id").asText();
    assertThat(response.json().path("size_bytes").asLong()).isEqualTo(STATEMENT.length);
    assertThat(s3.objectExists(BUCKET, "statements/" + id)).isTrue();
  }

  @Test
  void uploadedStatementCanBeLookedUp() {
    String id = http.post("/api/statements", STATEMENT, "Content-Type", "text/csv").json().path("id").asText();

    HttpProbe.Response response = http.get("/api/statements/" + id);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("size_bytes").asLong()).isEqualTo(STATEMENT.length);
    assertThat(response.json().path("content_type").asText()).isEqualTo("text/csv");
  }

  @Test
  void unknownStatementIs404() {
    assertThat(http.get("/api/statements/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
  }

  @Test
  void emptyUploadIs400() {
    HttpProbe.Response response = http.post("/api/statements", new byte[0]);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).isEqualTo("the statement file is empty");
  }

  @Test
  void withoutConfigurationReportsAndUploadsAnswer503NotConfigured() {
    try (RunningBackend bare = start(TestEnvironment.bare())) {
      HttpProbe probe = new HttpProbe(bare.port());

      assertThat(probe.get("/api/reports/summary?month=2026-10").json().path("detail").asText())
          .isEqualTo("database is not configured");
      HttpProbe.Response upload = probe.post("/api/statements", STATEMENT);
      assertThat(upload.status()).isEqualTo(503);
      assertThat(upload.json().path("detail").asText()).isEqualTo("S3 is not configured");
    }
  }

  @Test
  void unreachableDependenciesAnswer503UnavailableAndLogTheFailure() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("DATABASE_URL", "postgres://postgres@127.0.0.1:" + Ports.dead() + "/test");
    env.put("S3_ENDPOINT", "http://127.0.0.1:" + Ports.dead());
    env.put("S3_ACCESS_KEY", "a");
    env.put("S3_SECRET_KEY", "b");
    env.put("S3_BUCKET", BUCKET);
    try (CapturedLogs logs = new CapturedLogs();
        RunningBackend down = start(env)) {
      HttpProbe probe = new HttpProbe(down.port());

      HttpProbe.Response summary = probe.get("/api/reports/summary?month=2026-10");
      HttpProbe.Response upload = probe.post("/api/statements", STATEMENT);

      assertThat(summary.status()).isEqualTo(503);
      assertThat(summary.json().path("detail").asText()).isEqualTo("database is unavailable");
      assertThat(upload.status()).isEqualTo(503);
      assertThat(upload.json().path("detail").asText()).isEqualTo("S3 is unavailable");
      assertThat(logs.withMessage("HTTP Request Failed")).hasSize(2);
    }
  }
}
