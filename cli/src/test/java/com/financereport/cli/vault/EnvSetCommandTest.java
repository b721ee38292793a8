package com.financereport.cli.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.financereport.cli.CliRun;
import com.financereport.cli.fakes.FakeVault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnvSetCommandTest {
  private static final String TOKEN = "hvs.test-token-123";
  private static final String PATH = "secret/finance_report/production/app";

  private final FakeVault vault = new FakeVault(TOKEN);

  @AfterEach
  void stop() {
    vault.close();
  }

  private Map<String, String> env() {
    return Map.of("VAULT_ADDR", vault.address().toString(), "VAULT_TOKEN", TOKEN);
  }

  private CliRun set(String... extra) {
    List<String> args = new ArrayList<>(List.of("env", "set", "--env", "production"));
    args.addAll(List.of(extra));
    return CliRun.run(Path.of("."), env(), args.toArray(String[]::new));
  }

  @Test
  void firstWriteCreatesTheSecretWithCasZero() {
    CliRun run = set("DATABASE_URL=postgres://db/finance");
    assertThat(run.exitCode()).isZero();
    assertThat(vault.latest(PATH)).containsExactly(entry("DATABASE_URL", "postgres://db/finance"));
    assertThat(vault.server().requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow().json().path("options").path("cas").asInt())
        .isZero();
  }

  @Test
  void newKeysAreMergedIntoTheExistingSecret() {
    vault.put(PATH, Map.of("REDIS_URL", "redis://cache"));
    set("PORT=8080");
    assertThat(vault.latest(PATH)).containsOnly(entry("REDIS_URL", "redis://cache"), entry("PORT", "8080"));
  }

  @Test
  void addedAndChangedKeysAreShownMasked() {
    vault.put(PATH, Map.of("S3_SECRET_KEY", "old-secret-value-1234", "S3_BUCKET", "statements"));
    CliRun run = set("S3_SECRET_KEY=new-secret-value-5678", "S3_ACCESS_KEY=AKIAEXAMPLEKEY00");
    assertThat(run.out())
        .containsPattern("S3_ACCESS_KEY\\s+added\\s+AK\\*\\*\\*\\*")
        .containsPattern("S3_SECRET_KEY\\s+changed\\s+ne\\*\\*\\*\\*")
        .doesNotContain("new-secret-value-5678")
        .doesNotContain("AKIAEXAMPLEKEY00");
  }

  @Test
  void dryRunShowsChangesWithoutWriting() {
    vault.put(PATH, Map.of("PORT", "8080"));
    CliRun run = set("--dry-run", "PORT=9090");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("PORT\\s+changed\\s+\\*\\*\\*\\*").contains("dry run");
    assertThat(vault.writes()).isZero();
    assertThat(vault.latest(PATH)).containsExactly(entry("PORT", "8080"));
  }

  @Test
  void concurrentWriterIsReReadAndItsKeysAreKept() {
    vault.put(PATH, Map.of("PORT", "8080"));
    vault.beforeNextWrite(() -> vault.put(PATH, Map.of("PORT", "8080", "REDIS_URL", "redis://other-writer")));
    CliRun run = set("LOG_LEVEL=WARN");
    assertThat(run.exitCode()).isZero();
    assertThat(vault.latest(PATH))
        .containsOnly(entry("PORT", "8080"), entry("REDIS_URL", "redis://other-writer"), entry("LOG_LEVEL", "WARN"));
    assertThat(vault.version(PATH)).isEqualTo(3);
  }

  @Test
  void writerThatKeepsLosingTheRaceGivesUpWithoutWriting() {
    vault.put(PATH, Map.of("PORT", "8080"));
    for (int i = 0; i < SecretUpdater.DEFAULT_ATTEMPTS; i++) {
      int n = i;
      vault.beforeNextWrite(() -> vault.put(PATH, Map.of("PORT", "80" + n)));
    }
    CliRun run = set("LOG_LEVEL=WARN");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("changed concurrently 5 times");
    assertThat(vault.latest(PATH)).doesNotContainKey("LOG_LEVEL");
  }

  @Test
  void resourceAttributesForAnotherEnvironmentAreRefusedBeforeVault() {
    CliRun run = set("OTEL_RESOURCE_ATTRIBUTES=deployment.environment=staging,team=fin");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("ENVIRONMENT=production", "deployment.environment=staging", "wrong environment");
    assertThat(vault.server().requests()).as("Vault must not be contacted").isEmpty();
  }

  @Test
  void anEnvironmentThatDisagreesWithEnvIsRefusedBeforeVault() {
    CliRun run = set("ENVIRONMENT=staging");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--env=production, ENVIRONMENT=staging name different environments");
    assertThat(vault.server().requests()).isEmpty();
  }

  @Test
  void anAliasOfEnvIsAccepted() {
    CliRun run = set("ENVIRONMENT=prod");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void aMalformedEndpointIsRefusedWithTheServicesOwnMessage() {
    CliRun run = set("OTEL_EXPORTER_OTLP_ENDPOINT=not-a-url");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("OTEL_EXPORTER_OTLP_ENDPOINT must start with http:// or https://");
    assertThat(vault.server().requests()).isEmpty();
  }

  @Test
  void aValueTheServiceWouldOnlyWarnAboutIsRefusedToo() {
    CliRun run = set("OTEL_BLRP_MAX_QUEUE_SIZE=lots");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("OTEL_BLRP_MAX_QUEUE_SIZE must be a positive whole number");
    assertThat(vault.server().requests()).isEmpty();
  }

  @Test
  void aBackendValueIsValidatedAsTheBackendDoes() {
    CliRun run = set("DATABASE_STARTUP_TIMEOUT=30");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("DATABASE_STARTUP_TIMEOUT must be a positive duration");
    assertThat(vault.server().requests()).isEmpty();
  }

  @Test
  void anUnknownKeyIsRefusedBeforeVault() {
    CliRun run = set("DATABSE_URL=postgres://db/finance");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the service reads no DATABSE_URL", "--allow-unknown");
    assertThat(vault.server().requests()).isEmpty();
  }

  @Test
  void allowUnknownWritesAKeyTheServiceDoesNotRead() {
    CliRun run = set("--allow-unknown", "SIDECAR_FLAG=1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(vault.latest(PATH)).containsEntry("SIDECAR_FLAG", "1");
  }

  @Test
  void anEndpointWithoutTheEnvironmentAttributeIsRefusedOnTheMergedSecret() {
    CliRun run = set("OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("would stop the service at start", "must set deployment.environment=production");
    assertThat(vault.writes()).isZero();
  }

  @Test
  void anEndpointIsWrittenWhenTheStoredSecretCarriesTheEnvironmentAttribute() {
    vault.put(PATH, Map.of("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=production"));
    CliRun run = set("OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(vault.latest(PATH)).containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
  }

  @Test
  void matchingResourceAttributesAreWritten() {
    CliRun run = set("OTEL_RESOURCE_ATTRIBUTES=deployment.environment=production,team=fin");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void pathTemplateChoosesMountAndPath() {
    set("--path-template", "kv/apps/{service}/{env}", "PORT=1");
    assertThat(vault.server().requests().get(0).path()).isEqualTo("/v1/kv/data/apps/app/production");
  }

  @Test
  void permissionDeniedIsOneLineWithVaultsMessage() {
    CliRun run =
        CliRun.run(Path.of("."), Map.of("VAULT_ADDR", vault.address().toString(), "VAULT_TOKEN", "wrong"),
            "env", "set", "--env", "production", "PORT=1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("obs: Vault read " + PATH + " failed: HTTP 403 permission denied");
  }

  @Test
  void missingVaultAddressIsAConfigurationError() {
    CliRun run = CliRun.run(Path.of("."), Map.of("VAULT_TOKEN", TOKEN), "env", "set", "--env", "production", "PORT=1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("VAULT_ADDR is not set");
  }

  @Test
  void malformedAssignmentIsAConfigurationError() {
    CliRun run = set("not-a-key");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void hangingVaultTimesOut() {
    vault.hangNext("GET");
    CliRun run = set("--timeout", "300ms", "PORT=1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no answer within 300 ms");
  }

  @Test
  void serverErrorOnWriteIsReportedWithVaultsMessage() {
    vault.failNext("POST", 500, "internal error");
    CliRun run = set("PORT=1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Vault write " + PATH + " failed: HTTP 500 internal error");
  }
}
