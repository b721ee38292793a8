package com.financereport.cli.signoz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.financereport.cli.CliRun;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * create/list/revoke/rotate on both API generations: v0.117 (personal access tokens), v0.118
 * (service accounts, roles per account) and v0.132 (service_account_roles).
 */
class ApiKeyCommandsTest {
  private SignozFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
  }

  private SignozFixture start(String version) {
    fixture = new SignozFixture(version);
    return fixture;
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.118.0", "v0.132.2"})
  void createStoresAWorkingKeyInVault(String version) {
    SignozFixture f = start(version);
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, String> stored = f.vault.latest(SignozFixture.STORE);
    assertThat(stored).containsKeys("api_key", "api_key_name", "api_key_id").containsEntry("url", f.signoz.baseUri().toString());
    assertThat(f.signoz.accepts(stored.get("api_key"))).isTrue();
    assertThat(f.signoz.idOfKey(stored.get("api_key"))).isEqualTo(stored.get("api_key_id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void createNeverPrintsTheStoredKey(String version) {
    SignozFixture f = start(version);
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production");
    assertThat(run.out() + run.err()).doesNotContain(f.vault.latest(SignozFixture.STORE).get("api_key"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void createKeepsTheOtherFieldsOfTheVaultSecret(String version) {
    SignozFixture f = start(version);
    f.vault.put(SignozFixture.STORE, Map.of("ingestion_key", "kept"));
    f.apiKey("create", "--name", "ingest-prod", "--env", "production");
    assertThat(f.vault.latest(SignozFixture.STORE)).containsEntry("ingestion_key", "kept");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void concurrentVaultWriterDuringCreateKeepsItsField(String version) {
    SignozFixture f = start(version);
    f.vault.put(SignozFixture.STORE, Map.of("owner", "platform"));
    f.vault.beforeNextWrite(() -> f.vault.put(SignozFixture.STORE, Map.of("owner", "platform", "alerting_key", "other-writer")));
    CliRun run = f.apiKey("create", "--name", "ingest-prod", "--env", "production");
    assertThat(run.exitCode()).isZero();
    assertThat(f.vault.latest(SignozFixture.STORE)).contains(entry("alerting_key", "other-writer"), entry("owner", "platform")).containsKey("api_key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void createWithoutVaultPrintsTheKeyOnceAndStoresNothing(String version) {
    SignozFixture f = start(version);
    f.env.remove("VAULT_ADDR");
    CliRun run = f.apiKey("create", "--name", "laptop", "--no-store-vault", "--role", "viewer");
    assertThat(run.exitCode()).isZero();
    String key = run.out().replaceAll("(?s).*store it safely\\): (\\S+).*", "$1");
    assertThat(f.signoz.accepts(key)).isTrue();
    assertThat(f.vault.writes()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.118.0"})
  void listShowsNamesButNoKeyValues(String version) {
    SignozFixture f = start(version);
    String key = f.createStoredKey();
    CliRun run = f.apiKey("list");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("ingest-prod").doesNotContain(key).doesNotContain(f.adminKey);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.118.0"})
  void revokeByIdMakesTheKeyUnusable(String version) {
    SignozFixture f = start(version);
    String key = f.createStoredKey();
    CliRun run = f.apiKey("revoke", "--id", f.signoz.idOfKey(key));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(f.signoz.accepts(key)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void revokeByNameMakesTheKeyUnusable(String version) {
    SignozFixture f = start(version);
    String key = f.createStoredKey();
    CliRun run = f.apiKey("revoke", "--name", f.vault.latest(SignozFixture.STORE).get("api_key_name"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(f.signoz.accepts(key)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void revokingAnUnknownKeyIsAConfigurationError(String version) {
    SignozFixture f = start(version);
    assertThat(f.apiKey("revoke", "--id", "no-such-id").exitCode()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.118.0", "v0.132.2"})
  void rotateStoresAWorkingNewKeyAndRevokesTheOld(String version) {
    SignozFixture f = start(version);
    String old = f.createStoredKey();
    CliRun run = f.apiKey("rotate", "--env", "production");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String stored = f.vault.latest(SignozFixture.STORE).get("api_key");
    assertThat(stored).isNotEqualTo(old);
    assertThat(f.signoz.accepts(stored)).isTrue();
    assertThat(f.signoz.accepts(old)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void rotateWhoseNewKeyFailsItsCheckKeepsTheOldKeyValidAndStored(String version) {
    SignozFixture f = start(version);
    String old = f.createStoredKey();
    f.signoz.rejectNewKeys();
    CliRun run = f.apiKey("rotate", "--env", "production");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("the new key failed its check").contains("HTTP 401");
    assertThat(f.vault.latest(SignozFixture.STORE)).containsEntry("api_key", old);
    assertThat(f.signoz.accepts(old)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void rotateWhoseVaultWriteFailsKeepsTheOldKeyValidAndStoredAndRevokesTheNewOne(String version) {
    SignozFixture f = start(version);
    String old = f.createStoredKey();
    int keysBefore = f.signoz.liveKeyNames().size();
    f.vault.failNext("POST", 500, "storage backend unavailable");
    CliRun run = f.apiKey("rotate", "--env", "production");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("HTTP 500 storage backend unavailable").contains("was revoked again");
    assertThat(f.vault.latest(SignozFixture.STORE)).containsEntry("api_key", old);
    assertThat(f.signoz.accepts(old)).isTrue();
    assertThat(f.signoz.liveKeyNames()).hasSize(keysBefore);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.132.2"})
  void rotateWithNothingStoredIsAConfigurationError(String version) {
    SignozFixture f = start(version);
    CliRun run = f.apiKey("rotate", "--env", "production");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no SigNoz key stored at " + SignozFixture.STORE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.118.0", "v0.132.2"})
  void roleIsAssignedToAnAccountThatAlreadyExists(String version) {
    SignozFixture f = start(version);
    assertThat(f.apiKey("create", "--name", "dashboards", "--no-store-vault", "--role", "viewer").exitCode()).isZero();
    assertThat(f.signoz.roleOfAccount("dashboards")).isEqualTo("VIEWER");

    CliRun run = f.apiKey("create", "--name", "dashboards", "--no-store-vault", "--role", "editor");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(f.signoz.roleOfAccount("dashboards")).as("--role on an existing account").isEqualTo("EDITOR");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.117.1", "v0.118.0"})
  void listLeavesOutExpiredKeys(String version) {
    SignozFixture f = start(version);
    String key = f.createStoredKey();
    String name = f.vault.latest(SignozFixture.STORE).get("api_key_name");
    f.signoz.expire(key);

    CliRun run = f.apiKey("list");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).as("an expired key is not valid, so list must not show it").doesNotContain(name);
  }
}
