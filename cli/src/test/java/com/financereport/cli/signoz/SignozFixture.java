package com.financereport.cli.signoz;

import com.financereport.cli.CliRun;
import com.financereport.cli.fakes.FakeSignoz;
import com.financereport.cli.fakes.FakeVault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fake SigNoz of one version, a fake Vault, an admin key, and a way to run obs against them. */
final class SignozFixture implements AutoCloseable {
  static final String VAULT_TOKEN = "hvs.signoz-tests";
  static final String STORE = "secret/platform/production/signoz";

  final FakeSignoz signoz;
  final FakeVault vault = new FakeVault(VAULT_TOKEN);
  final String adminKey;
  final Map<String, String> env = new HashMap<>();

  SignozFixture(String version) {
    signoz = new FakeSignoz(version);
    adminKey = signoz.issueKey("ADMIN", "bootstrap-admin");
    env.put("SIGNOZ_URL", signoz.baseUri().toString());
    env.put("SIGNOZ_API_KEY", adminKey);
    env.put("VAULT_ADDR", vault.address().toString());
    env.put("VAULT_TOKEN", VAULT_TOKEN);
  }

  CliRun obs(String... args) {
    return CliRun.run(Path.of("."), env, args);
  }

  CliRun apiKey(String action, String... extra) {
    List<String> args = new ArrayList<>(List.of("signoz", "api-key", action));
    args.addAll(List.of(extra));
    return obs(args.toArray(String[]::new));
  }

  /** Creates the key rotate starts from, stored in Vault; returns its value. */
  String createStoredKey() {
    CliRun run = apiKey("create", "--name", "ingest-prod", "--env", "production");
    if (run.exitCode() != 0) {
      throw new AssertionError("seeding failed: " + run.err());
    }
    return vault.latest(STORE).get("api_key");
  }

  @Override
  public void close() {
    signoz.close();
    vault.close();
  }
}
