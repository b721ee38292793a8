package com.financereport.cli.signoz;

import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.ExitCode;
import com.financereport.cli.OperationFailedException;
import com.financereport.cli.output.JsonOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code obs signoz api-key rotate}: replace the key stored in Vault without a moment in which
 * the stored key does not work.
 *
 * <p>Order: create the new key, prove it authenticates, store it, revoke the old one. Checking
 * before storing (rather than after) means a key that fails its check never reaches Vault, so any
 * failure up to the store leaves the old key both valid and stored; the new key is then revoked
 * again. Only a failed final revoke leaves two valid keys, and that is reported with the id to
 * revoke.
 */
@Command(
    name = "rotate",
    mixinStandardHelpOptions = true,
    description = {
      "Replaces the SigNoz API key stored in Vault (secret/platform/{env}/signoz):",
      "creates a new key, checks it with an authenticated call, stores it (check-and-set), then revokes the old key.",
      "If any step before the revoke fails, the old key stays valid and stored."
    },
    footer = ExitCode.FOOTER)
final class ApiKeyRotateCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin SignozOptions signoz;
  @Mixin VaultStoreOptions vault;

  @Option(names = "--name", description = "Name of the new key (default: the old key's name, or its service account).")
  String name;

  @Option(names = "--expiry-days", defaultValue = "365", description = "Days until the new key expires, 0 = never (default: ${DEFAULT-VALUE}).")
  int expiryDays;

  @Option(names = "--role", converter = RoleConverter.class, description = "admin, editor or viewer (default: the old key's role, else admin).")
  Role role;

  ApiKeyRotateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    SignozKeyVault keyVault = vault.open(context, signoz.timeout());
    StoredSignozKey stored =
        keyVault
            .read()
            .orElseThrow(
                () -> new ConfigurationException("no SigNoz key stored at " + keyVault.path() + "; use api-key create"));
    SignozSession session = signoz.open(context);
    ApiKey old =
        session.keys().list().stream()
            .filter(k -> k.id().equals(stored.id()))
            .findFirst()
            .orElseThrow(
                () ->
                    new OperationFailedException(
                        "the stored key "
                            + stored.id()
                            + " is not a valid SigNoz key any more (revoked or expired); use api-key create"));

    CreatedApiKey created = session.keys().create(newName(old), newRole(old), expiryDays);
    try {
      session.keys().probe(created.key());
    } catch (OperationFailedException e) {
      throw new OperationFailedException(
          "the new key failed its check (" + e.getMessage() + "); "
              + KeyRevocation.undo(session.keys(), created)
              + "; the old key stays valid and stored");
    }
    int vaultVersion;
    try {
      vaultVersion = keyVault.store(created, session.connection().base().toString());
    } catch (OperationFailedException e) {
      throw new OperationFailedException(
          e.getMessage() + "; " + KeyRevocation.undo(session.keys(), created) + "; the old key stays valid and stored");
    }
    try {
      session.keys().revoke(old);
    } catch (OperationFailedException e) {
      throw new OperationFailedException(
          "the new key "
              + created.id()
              + " is stored and works, but revoking the old key failed ("
              + e.getMessage()
              + "); revoke it with: obs signoz api-key revoke --id "
              + old.id());
    }
    print(old, created, keyVault, vaultVersion);
    return ExitCode.OK;
  }

  private String newName(ApiKey old) {
    if (name != null) {
      return name;
    }
    return old.ownerName() != null ? old.ownerName() : old.name();
  }

  private Role newRole(ApiKey old) {
    if (role != null) {
      return role;
    }
    try {
      return old.role().isEmpty() ? Role.ADMIN : Role.valueOf(old.role().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknownRole) {
      return Role.ADMIN;
    }
  }

  private void print(ApiKey old, CreatedApiKey created, SignozKeyVault keyVault, int vaultVersion) {
    if (signoz.json()) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("old", JsonOutput.object("id", old.id(), "name", old.name(), "revoked", true));
      document.put("new", JsonOutput.object("id", created.id(), "name", created.name()));
      document.put("vault_path", keyVault.path().toString());
      document.put("vault_version", vaultVersion);
      new JsonOutput().print(context.out(), document);
      return;
    }
    PrintWriter out = context.out();
    out.printf("created new key %s (id %s) and checked it%n", created.name(), created.id());
    out.printf("stored in Vault at %s (version %d)%n", keyVault.path(), vaultVersion);
    out.printf("revoked old key %s (id %s)%n", old.name(), old.id());
    out.flush();
  }
}
