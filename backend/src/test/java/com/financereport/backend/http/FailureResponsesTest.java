package com.financereport.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.financereport.backend.support.CapturedLogs;
import com.financereport.backend.support.HttpProbe;
import com.financereport.observability.redaction.Redactor;
import io.javalin.Javalin;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The application's failure handling, with one route that fails the way a bug would. */
class FailureResponsesTest {
  private static final Routes FAILING =
      router ->
          router.get(
              "/api/boom",
              ctx -> {
                LoggerFactory.getLogger("test.handler").info("about to fail");
                throw new IllegalStateException(
                    "ledger row 17 is corrupt; upstream refused Bearer hunter2-token-db");
              });

  private final CapturedLogs logs = new CapturedLogs();
  private Javalin app;

  private HttpProbe start(boolean debug) {
    app = HttpApplication.create(debug, Redactor.defaults(), List.of(FAILING)).start("127.0.0.1", 0);
    return new HttpProbe(app.port());
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
    logs.close();
  }

  @Test
  void unexpectedFailureAnswers500WithAGenericDetailAndTheRequestId() {
    HttpProbe.Response response = start(false).get("/api/boom", "X-Request-ID", "r-500");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.json().path("detail").asText()).isEqualTo("Internal server error");
    assertThat(response.json().path("request_id").asText()).isEqualTo("r-500");
    assertThat(response.header("X-Request-ID")).isEqualTo("r-500");
  }

  @Test
  void unknownPathAnswers404WithTheJsonErrorBody() {
    HttpProbe.Response response = start(false).get("/nope", "X-Request-ID", "r-404");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.json().path("detail").asText()).isEqualTo("Endpoint GET /nope not found");
    assertThat(response.json().path("request_id").asText()).isEqualTo("r-404");
  }

  @Test
  void debugModeShowsTheFailureInTheDetail() {
    HttpProbe.Response response = start(true).get("/api/boom");

    assertThat(response.json().path("detail").asText()).contains("ledger row 17 is corrupt");
  }

  @Test
  void debugDetailIsRedacted() {
    HttpProbe.Response response = start(true).get("/api/boom");

    assertThat(response.json().path("detail").asText()).doesNotContain("hunter2-token-db");
  }

  @Test
  void unexpectedFailureIsLoggedOnceAsHttpRequestFailedWithTheException() {
    start(false).get("/api/boom", "X-Request-ID", "r-err");

    List<ILoggingEvent> failures = logs.withMessage(FailureResponses.FAILURE_MESSAGE);
    assertThat(failures).hasSize(1);
    ILoggingEvent failure = failures.get(0);
    assertThat(failure.getLevel()).isEqualTo(Level.ERROR);
    assertThat(failure.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
    assertThat(failure.getMDCPropertyMap()).containsEntry("request_id", "r-err");
    assertThat(CapturedLogs.keyValue(failure, "route")).isEqualTo("/api/boom");
  }

  @Test
  void failedRequestStillGetsItsRequestLineWithStatus500() {
    start(false).get("/api/boom");

    List<ILoggingEvent> lines = logs.withMessage(RequestLog.MESSAGE);
    assertThat(lines).hasSize(1);
    assertThat(CapturedLogs.keyValue(lines.get(0), "status_code")).isEqualTo(500);
  }

  @Test
  void everyLineLoggedWhileHandlingCarriesTheRequestId() {
    start(false).get("/api/boom", "X-Request-ID", "r-handler");

    ILoggingEvent handlerLine = logs.withMessage("about to fail").get(0);
    assertThat(handlerLine.getMDCPropertyMap()).containsEntry("request_id", "r-handler");
  }

  @Test
  void requestIdIsClearedFromTheThreadAfterTheRequest() {
    HttpProbe http = start(false);
    http.get("/api/boom", "X-Request-ID", "first-request");

    // Jetty reuses its threads: a request without an id must not inherit the previous one.
    http.get("/api/boom");

    ILoggingEvent second = logs.withMessage("about to fail").get(1);
    assertThat(second.getMDCPropertyMap().get("request_id")).isNotEqualTo("first-request");
  }
}
