package com.financereport.cli.vault;

import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.ExitCode;
import com.financereport.cli.RequestOptions;
import com.financereport.cli.OperationFailedException;
import com.financereport.cli.output.JsonOutput;
import com.financereport.cli.output.SecretMask;
import com.financereport.cli.output.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code obs env get}: list a service's Vault variables, masked unless one is revealed. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Lists the variables in the service's Vault secret with masked values (VAULT_ADDR, VAULT_TOKEN).",
    footer = ExitCode.FOOTER)
public final class EnvGetCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin VaultLocation location;

  @Option(names = "--reveal", paramLabel = "KEY", description = "Show this one value in clear.")
  String reveal;

  @Mixin RequestOptions request;

  EnvGetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    SecretPath path = location.path();
    VersionedSecret secret =
        VaultClient.fromEnvironment(context, request.timeout())
            .read(path)
            .orElseThrow(() -> new OperationFailedException("no secret at " + path));
    if (reveal != null && !secret.data().containsKey(reveal)) {
      throw new ConfigurationException(reveal + " is not set at " + path);
    }
    Map<String, String> shown = new LinkedHashMap<>();
    secret.data().forEach((k, v) -> shown.put(k, k.equals(reveal) ? v : SecretMask.mask(v)));
    if (request.json()) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("path", path.toString());
      document.put("version", secret.version());
      document.put("values", shown);
      new JsonOutput().print(context.out(), document);
    } else {
      Table table = new Table("KEY", "VALUE");
      shown.forEach(table::row);
      table.print(context.out());
      context.out().println(path + " version " + secret.version());
      context.out().flush();
    }
    return ExitCode.OK;
  }
}
