package com.financereport.cli.signoz;

import com.financereport.cli.CliContext;
import com.financereport.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code obs signoz}: API keys and status. */
@Command(
    name = "signoz",
    mixinStandardHelpOptions = true,
    description = {
      "SigNoz API keys (stored in Vault) and status.",
      "Environment: SIGNOZ_URL; SIGNOZ_API_KEY (an admin key) or SIGNOZ_EMAIL with SIGNOZ_PASSWORD;",
      "VAULT_ADDR and VAULT_TOKEN for the key store."
    },
    footer = ExitCode.FOOTER,
    subcommands = {SignozCommand.ApiKeys.class, SignozStatusCommand.class})
public final class SignozCommand implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  SignozCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }

  /** {@code obs signoz api-key}. */
  @Command(
      name = "api-key",
      mixinStandardHelpOptions = true,
      description = "Create, list, revoke and rotate SigNoz API keys (personal access tokens up to v0.117, service accounts from v0.118).",
      footer = ExitCode.FOOTER,
      subcommands = {
        ApiKeyCreateCommand.class,
        ApiKeyListCommand.class,
        ApiKeyRevokeCommand.class,
        ApiKeyRotateCommand.class
      })
  static final class ApiKeys implements Runnable {
    private final CliContext context;

    @Spec CommandSpec spec;

    ApiKeys(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      spec.commandLine().usage(context.out());
    }
  }
}
