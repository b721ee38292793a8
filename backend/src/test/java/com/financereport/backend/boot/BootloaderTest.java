package com.financereport.backend.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.backend.support.CapturedLogs;
import com.financereport.backend.support.HttpProbe;
import com.financereport.backend.support.Ports;
import com.financereport.backend.support.TestEnvironment;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.ObservabilitySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BootloaderTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private BootResult result;

  private BootResult boot(Map<String, String> env) {
    return boot(env, DevelopmentDatabase.NONE);
  }

  private BootResult boot(Map<String, String> env, DevelopmentDatabase developmentDatabase) {
    Bootloader bootloader =
        new Bootloader(
            ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(env)),
            new PrintStream(console, true, StandardCharsets.UTF_8),
            developmentDatabase);
    result = bootloader.boot(env);
    return result;
  }

  private String console() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    if (result != null) {
      result.stop();
    }
  }

  @Test
  void invalidConfigurationExitsWith2AndPrintsEveryError() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("PORT", "http");
    env.put("DATABASE_URL", "mysql://app:hunter2@db/ledger");

    BootResult boot = boot(env);

    assertThat(boot.exitCode()).isEqualTo(2);
    assertThat(boot.isStarted()).isFalse();
    assertThat(console())
        .contains("configuration error: PORT must be a whole number")
        .contains("configuration error: DATABASE_URL must look like")
        .doesNotContain("hunter2");
  }

  @Test
  void observabilityConfigurationErrorAlsoExitsWith2() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("ENVIRONMENT", "production");
    env.put("DATABASE_URL", TestEnvironment.databaseUrl());
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + Ports.dead());
    env.put("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=staging");

    BootResult boot = boot(env);

    assertThat(boot.exitCode()).isEqualTo(2);
    assertThat(boot.messages())
        .singleElement()
        .asString()
        .contains("OTEL_RESOURCE_ATTRIBUTES deployment.environment=staging", "wrong environment");
  }

  @Test
  void anAliasedEnvironmentThatDisagreesWithTheResourceExitsWith2() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("ENVIRONMENT", "prod");
    env.put("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=staging");
    env.put("DATABASE_URL", TestEnvironment.databaseUrl()); // so the environment is the one error

    BootResult boot = boot(env);

    assertThat(boot.exitCode()).as("ENVIRONMENT=prod is production; staging logs would be misfiled").isEqualTo(2);
    assertThat(boot.messages()).singleElement().asString().contains("ENVIRONMENT=prod", "deployment.environment=staging");
  }

  @Test
  void unreachableDatabaseExitsWith1AfterTheStartupTimeout() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("DATABASE_URL", "postgres://postgres:pg-Secret-9@127.0.0.1:" + Ports.dead() + "/test");
    env.put("DATABASE_STARTUP_TIMEOUT", "1s");

    BootResult boot = boot(env);

    assertThat(boot.exitCode()).isEqualTo(1);
    assertThat(boot.messages()).singleElement().asString()
        .startsWith("DATABASE_URL: PostgreSQL at 127.0.0.1:")
        .contains("DATABASE_STARTUP_TIMEOUT")
        .doesNotContain("pg-Secret-9");
    assertThat(console()).contains("was not reachable within 1 s");
  }

  @Test
  void reachableDatabaseStartsAndServesHealth() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("DATABASE_URL", TestEnvironment.databaseUrl());

    BootResult boot = boot(env);

    assertThat(boot.exitCode()).isZero();
    HttpProbe.Response health = new HttpProbe(boot.backend().port()).get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("checks").path("database").path("status").asText()).isEqualTo("up");
  }

  @Test
  void developmentWithoutDatabaseUrlServesReportsFromAnEmbeddedPostgres() {
    BootResult boot = boot(TestEnvironment.bare(), DevelopmentDatabase.EMBEDDED);

    assertThat(boot.embeddedDatabase()).as("embedded PostgreSQL started").isNotNull();
    HttpProbe.Response summary =
        new HttpProbe(boot.backend().port()).get("/api/reports/summary?month=2026-10");
    assertThat(summary.status()).as(summary.body()).isEqualTo(200);
    assertThat(summary.json().path("month").asText()).isEqualTo("2026-10");
  }

  @Test
  void embeddedPostgresIsAnnouncedWithHowToUseARealDatabase() {
    try (CapturedLogs logs = new CapturedLogs()) {
      boot(TestEnvironment.bare(), DevelopmentDatabase.EMBEDDED);

      assertThat(logs.events())
          .filteredOn(event -> event.getMessage().startsWith("DATABASE_URL is unset"))
          .singleElement()
          .satisfies(event -> assertThat(event.getMessage()).contains("embedded PostgreSQL")
              .contains("set DATABASE_URL=postgres://"));
    }
  }

  @Test
  void givenDatabaseUrlStartsNoEmbeddedPostgres() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("DATABASE_URL", TestEnvironment.databaseUrl());

    BootResult boot = boot(env, DevelopmentDatabase.EMBEDDED);

    assertThat(boot.isStarted()).isTrue();
    assertThat(boot.embeddedDatabase()).isNull();
  }

  @Test
  void productionWithoutDatabaseUrlRefusesToStart() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("ENVIRONMENT", "production");

    BootResult boot = boot(env, DevelopmentDatabase.EMBEDDED);

    assertThat(boot.exitCode()).isEqualTo(BootResult.INVALID_CONFIGURATION);
    assertThat(boot.embeddedDatabase()).isNull();
    assertThat(console()).contains("configuration error: DATABASE_URL is required when the environment is production");
  }

  @Test
  void stagingWithoutDatabaseUrlRefusesToStart() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("ENVIRONMENT", "staging");

    BootResult boot = boot(env, DevelopmentDatabase.EMBEDDED);

    assertThat(boot.exitCode()).isEqualTo(BootResult.INVALID_CONFIGURATION);
    assertThat(boot.messages()).containsExactly(
        "DATABASE_URL is required when the environment is staging (only development starts an embedded PostgreSQL)");
  }

  @Test
  void unreachableRedisStillStartsAndHealthSays503() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("REDIS_URL", "redis://127.0.0.1:" + Ports.dead());

    BootResult boot = boot(env);

    assertThat(boot.isStarted()).isTrue();
    assertThat(new HttpProbe(boot.backend().port()).get("/health").status()).isEqualTo(503);
  }

  @Test
  void unreachableCollectorDoesNotStopTheStart() {
    Map<String, String> env = TestEnvironment.bare();
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + Ports.dead());

    BootResult boot = boot(env);

    assertThat(boot.isStarted()).isTrue();
    assertThat(new HttpProbe(boot.backend().port()).get("/health").status()).isEqualTo(200);
  }

  @Test
  void portInUseExitsWith1AndNamesThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      Map<String, String> env = TestEnvironment.bare();
      env.put("PORT", String.valueOf(taken.getLocalPort()));

      BootResult boot = boot(env);

      assertThat(boot.exitCode()).isEqualTo(1);
      assertThat(boot.messages()).singleElement().asString().startsWith("PORT " + taken.getLocalPort());
    }
  }
}
