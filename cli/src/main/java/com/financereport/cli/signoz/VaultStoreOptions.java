package com.financereport.cli.signoz;

import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.vault.SecretPath;
import com.financereport.cli.vault.SecretUpdater;
import com.financereport.cli.vault.VaultClient;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a created key is kept: Vault KV v2 at a path per environment. */
final class VaultStoreOptions {
  static final String DEFAULT_PATH_TEMPLATE = "secret/platform/{env}/signoz";

  @Option(names = "--env", description = "Environment whose Vault secret holds the key, e.g. production.")
  String environment;

  @Option(
      names = "--vault-path",
      defaultValue = DEFAULT_PATH_TEMPLATE,
      description = "Vault KV v2 path template (default: ${DEFAULT-VALUE}); needs VAULT_ADDR, VAULT_TOKEN.")
  String pathTemplate;

  SignozKeyVault open(CliContext context, Duration timeout) {
    if (environment == null) {
      throw new ConfigurationException("--env is required to find the Vault secret (or use --no-store-vault)");
    }
    SecretPath path = SecretPath.fromTemplate(pathTemplate, Map.of("env", environment));
    return new SignozKeyVault(
        new SecretUpdater(VaultClient.fromEnvironment(context, timeout), SecretUpdater.DEFAULT_ATTEMPTS), path);
  }
}
