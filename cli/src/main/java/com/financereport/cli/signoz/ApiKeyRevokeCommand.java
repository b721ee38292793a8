package com.financereport.cli.signoz;

import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.ExitCode;
import com.financereport.cli.output.JsonOutput;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code obs signoz api-key revoke}: by id or by name. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Revokes one SigNoz API key, chosen by --id or by --name (a name must be unique).",
    footer = ExitCode.FOOTER)
final class ApiKeyRevokeCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin SignozOptions signoz;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selector selector;

  static final class Selector {
    @Option(names = "--id", description = "The key's id.")
    String id;

    @Option(names = "--name", description = "The key's name.")
    String name;
  }

  ApiKeyRevokeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    SignozSession session = signoz.open(context);
    List<ApiKey> matches =
        session.keys().list().stream()
            .filter(k -> selector.id != null ? selector.id.equals(k.id()) : selector.name.equals(k.name()))
            .toList();
    String wanted = selector.id != null ? "id " + selector.id : "name " + selector.name;
    if (matches.isEmpty()) {
      throw new ConfigurationException("no valid SigNoz API key with " + wanted);
    }
    if (matches.size() > 1) {
      throw new ConfigurationException(
          matches.size() + " keys are named " + selector.name + "; revoke one with --id");
    }
    ApiKey key = matches.get(0);
    session.keys().revoke(key);
    if (signoz.json()) {
      new JsonOutput().print(context.out(), JsonOutput.object("revoked", JsonOutput.object("id", key.id(), "name", key.name())));
    } else {
      context.out().printf("revoked key %s (id %s)%n", key.name(), key.id());
      context.out().flush();
    }
    return ExitCode.OK;
  }
}
