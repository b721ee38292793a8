package com.financereport.cli.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.cli.CliRun;
import com.financereport.cli.fakes.FakeVault;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvGetCommandTest {
  private static final String TOKEN = "hvs.test-token-123";
  private static final String PATH = "secret/finance_report/staging/app";

  private final FakeVault vault = new FakeVault(TOKEN);

  @BeforeEach
  void store() {
    vault.put(PATH, Map.of("DATABASE_URL", "postgres://user:pw@db/finance", "PORT", "8080"));
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  private CliRun get(String... extra) {
    String[] args = new String[4 + extra.length];
    System.arraycopy(new String[] {"env", "get", "--env", "staging"}, 0, args, 0, 4);
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.run(Path.of("."), Map.of("VAULT_ADDR", vault.address().toString(), "VAULT_TOKEN", TOKEN), args);
  }

  @Test
  void listsEveryKeyWithItsValueMasked() {
    CliRun run = get();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("DATABASE_URL\\s+po\\*\\*\\*\\*")
        .containsPattern("PORT\\s+\\*\\*\\*\\*")
        .doesNotContain("user:pw");
  }

  @Test
  void revealShowsExactlyOneValue() {
    CliRun run = get("--reveal", "DATABASE_URL");
    assertThat(run.out()).contains("postgres://user:pw@db/finance").doesNotContain("8080");
  }

  @Test
  void revealingAnUnknownKeyIsAConfigurationError() {
    assertThat(get("--reveal", "NOPE").exitCode()).isEqualTo(2);
  }

  @Test
  void missingSecretFails() {
    CliRun run =
        CliRun.run(Path.of("."), Map.of("VAULT_ADDR", vault.address().toString(), "VAULT_TOKEN", TOKEN),
            "env", "get", "--env", "pr-47");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no secret at secret/finance_report/pr-47/app");
  }

  @Test
  void sealedVaultIsOneLineWithItsMessage() {
    vault.seal();
    CliRun run = get();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("obs: Vault read " + PATH + " failed: HTTP 503 Vault is sealed");
  }
}
