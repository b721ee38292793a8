package com.financereport.cli.signoz;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every SigNoz failure is one line with the status and SigNoz's message, and leaves Vault unchanged. */
class ApiKeyFailuresTest {
  private SignozFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
  }

  private SignozFixture start(String version) {
    fixture = new SignozFixture(version);
    return fixture;
  }

  private static String keyCreationPath(String version) {
    return version.equals("v0.117.1") ? "/api/v1/pats" : "/api/v1/service_accounts/";
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void revokedAdminKeyGets401AndNothingIsStored(String version) {
    SignozFixture f = start(version);
    f.signoz.expire(f.adminKey);
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).matches("obs: SigNoz (GET|POST) /api/v1/\\S+ failed: HTTP 401 unauthenticated: .+");
    assertThat(f.vault.writes()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void viewerKeyGets403AndNothingIsStored(String version) {
    SignozFixture f = start(version);
    f.env.put("SIGNOZ_API_KEY", f.signoz.issueKey("VIEWER", "read-only"));
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("HTTP 403 forbidden: only admins can manage API keys");
    assertThat(f.vault.writes()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"v0.117.1, 409", "v0.132.2, 409", "v0.117.1, 500", "v0.132.2, 503"})
  void failedKeyCreationIsOneLineAndNothingIsStored(String version, int status) {
    SignozFixture f = start(version);
    f.signoz.failNext("POST", keyCreationPath(version), status, "injected failure " + status);
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("HTTP " + status).contains("injected failure " + status);
    assertThat(f.vault.writes()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void hangingSignozTimesOutAndNothingIsStored(String version) {
    SignozFixture f = start(version);
    f.signoz.hangNext("POST", keyCreationPath(version));
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production", "--timeout", "300ms");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no answer within 300 ms");
    assertThat(f.vault.writes()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "v0.117.1, expiresInDays must not be negative",
    "v0.132.2, expiresAt must be in the future"
  })
  void negativeExpiryIsRejectedBySignoz(String version, String message) {
    SignozFixture f = start(version);
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production", "--expiry-days", "-1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("HTTP 400 invalid_input: " + message);
    assertThat(f.vault.writes()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.118.0", "v0.132.2"})
  void serviceAccountNameOutsideTheRegexIsRejected(String version) {
    SignozFixture f = start(version);
    CliRun run = f.apiKey("create", "--name", "Ingest_Prod", "--env", "production");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("HTTP 400 invalid_input: name must match ^[a-z][a-z0-9-]{0,49}$");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void unwritableVaultRevokesTheNewKey(String version) {
    SignozFixture f = start(version);
    f.vault.failNext("POST", 403, "permission denied");
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("HTTP 403 permission denied").contains("was revoked again");
    assertThat(f.signoz.liveKeyNames()).containsExactly(version.equals("v0.117.1") ? "bootstrap-admin" : "bootstrap-admin-seed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void missingVaultTokenStopsBeforeAnyKeyIsCreated(String version) {
    SignozFixture f = start(version);
    f.env.remove("VAULT_TOKEN");
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(f.signoz.liveKeyNames()).hasSize(1);
  }
}
