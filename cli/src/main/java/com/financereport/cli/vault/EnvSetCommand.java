package com.financereport.cli.vault;

import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.ExitCode;
import com.financereport.cli.RequestOptions;
import com.financereport.cli.output.JsonOutput;
import com.financereport.cli.output.SecretMask;
import com.financereport.cli.output.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code obs env set}: merge variables into a service's Vault secret without losing others. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Adds or changes variables in the service's Vault secret; values are shown masked.",
      "Vault KV v2 at VAULT_ADDR with VAULT_TOKEN.",
      "Reads, merges and writes with check-and-set; a concurrent edit is re-read and merged, never lost.",
      "Every value is validated as the service validates it at start; an unknown key, a value the"
          + " service would refuse or an environment name that disagrees with --env is refused (exit 2)"
          + " before Vault is contacted, and a merged secret the service would not start with is never written."
    },
    footer = ExitCode.FOOTER)
public final class EnvSetCommand implements Callable<Integer> {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final CliContext context;

  @Mixin VaultLocation location;

  @Parameters(arity = "1..*", paramLabel = "KEY=VALUE", description = "Variables to set.")
  List<String> assignments;

  @Option(names = "--dry-run", description = "Show what would change; write nothing.")
  boolean dryRun;

  @Option(names = "--allow-unknown", description = "Also write keys the service does not read.")
  boolean allowUnknown;

  @Mixin RequestOptions request;

  EnvSetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Map<String, String> requested = parseAssignments();
    SecretValidation validation = new SecretValidation(location.environment(), allowUnknown);
    validation.given(requested);
    SecretPath path = location.path();
    SecretUpdater updater =
        new SecretUpdater(VaultClient.fromEnvironment(context, request.timeout()), SecretUpdater.DEFAULT_ATTEMPTS);

    VersionedSecret before;
    Integer writtenVersion = null;
    if (dryRun) {
      before = updater.current(path);
      Map<String, String> merged = new LinkedHashMap<>(before.data());
      merged.putAll(requested);
      validation.merged(merged);
    } else {
      SecretUpdater.Update update =
          updater.update(
              path,
              current -> {
                current.putAll(requested);
                validation.merged(current);
                return current;
              });
      before = update.before();
      writtenVersion = update.after().version();
    }
    List<FieldChange> changes = FieldChange.of(before.data(), requested);
    print(path, changes, writtenVersion);
    return ExitCode.OK;
  }

  private Map<String, String> parseAssignments() {
    Map<String, String> requested = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int eq = assignment.indexOf('=');
      String key = eq < 0 ? assignment : assignment.substring(0, eq);
      if (eq < 0 || !KEY.matcher(key).matches()) {
        throw new ConfigurationException(
            "expected KEY=VALUE with KEY made of letters, digits and _, got '" + key + "'");
      }
      requested.put(key, assignment.substring(eq + 1));
    }
    return requested;
  }

  private void print(SecretPath path, List<FieldChange> changes, Integer version) {
    if (request.json()) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("path", path.toString());
      document.put("dry_run", dryRun);
      document.put("version", version);
      document.put(
          "changes",
          changes.stream()
              .map(c -> JsonOutput.object("key", c.key(), "change", c.label(), "value", SecretMask.mask(c.newValue())))
              .toList());
      new JsonOutput().print(context.out(), document);
      return;
    }
    Table table = new Table("KEY", "CHANGE", "VALUE");
    changes.forEach(c -> table.row(c.key(), c.label(), SecretMask.mask(c.newValue())));
    table.print(context.out());
    context
        .out()
        .println(
            dryRun
                ? "dry run: nothing written to " + path
                : "wrote " + path + " version " + version);
    context.out().flush();
  }
}
