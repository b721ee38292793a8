package com.financereport.cli.signoz;

import com.financereport.cli.CliContext;
import com.financereport.cli.ExitCode;
import com.financereport.cli.OperationFailedException;
import com.financereport.cli.output.JsonOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code obs signoz api-key create}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a SigNoz API key and stores it in Vault.",
      "A personal access token up to v0.117, a service-account key from v0.118;",
      "and stores api_key, api_key_name, api_key_id and url in Vault at secret/platform/{env}/signoz.",
      "With --no-store-vault the key is printed once instead. If Vault cannot be written, the new key is revoked."
    },
    footer = ExitCode.FOOTER)
final class ApiKeyCreateCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin SignozOptions signoz;
  @Mixin VaultStoreOptions vault;

  @Option(names = "--name", required = true, description = "Key name (service account name from v0.118: ^[a-z][a-z0-9-]{0,49}$).")
  String name;

  @Option(names = "--expiry-days", defaultValue = "365", description = "Days until the key expires, 0 = never (default: ${DEFAULT-VALUE}).")
  int expiryDays;

  @Option(names = "--role", defaultValue = "admin", description = "admin, editor or viewer (default: ${DEFAULT-VALUE}).", converter = RoleConverter.class)
  Role role;

  @Option(names = "--no-store-vault", description = "Do not store the key in Vault; print it once.")
  boolean noStoreVault;

  ApiKeyCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    // Open Vault before creating anything: a missing VAULT_TOKEN must not leave an orphan key.
    SignozKeyVault keyVault = noStoreVault ? null : vault.open(context, signoz.timeout());
    if (keyVault != null) {
      keyVault.read();
    }
    SignozSession session = signoz.open(context);
    CreatedApiKey created = session.keys().create(name, role, expiryDays);

    Integer vaultVersion = null;
    if (keyVault != null) {
      try {
        vaultVersion = keyVault.store(created, session.connection().base().toString());
      } catch (OperationFailedException e) {
        throw new OperationFailedException(
            e.getMessage() + "; " + KeyRevocation.undo(session.keys(), created));
      }
    }
    print(session, created, keyVault, vaultVersion);
    return ExitCode.OK;
  }

  private void print(SignozSession session, CreatedApiKey created, SignozKeyVault keyVault, Integer vaultVersion) {
    if (signoz.json()) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("id", created.id());
      document.put("name", created.name());
      document.put("signoz_version", session.version().raw());
      document.put("generation", session.keys().generation());
      if (keyVault != null) {
        document.put("vault_path", keyVault.path().toString());
        document.put("vault_version", vaultVersion);
      } else {
        document.put("key", created.key());
      }
      new JsonOutput().print(context.out(), document);
      return;
    }
    PrintWriter out = context.out();
    out.printf(
        "created key %s (id %s) on SigNoz %s (%s)%n",
        created.name(), created.id(), session.version().raw(), session.keys().generation());
    if (keyVault != null) {
      out.printf("stored in Vault at %s (version %d)%n", keyVault.path(), vaultVersion);
    } else {
      out.println("key (shown only now, store it safely): " + created.key());
    }
    out.flush();
  }
}
