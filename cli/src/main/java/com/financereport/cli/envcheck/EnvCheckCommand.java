package com.financereport.cli.envcheck;

import com.financereport.backend.settings.SettingsKeys;
import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.ExitCode;
import com.financereport.cli.output.JsonOutput;
import com.financereport.cli.output.Style;
import com.financereport.cli.output.Table;
import com.financereport.observability.redaction.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code obs env check}: drift between the secrets template, the settings and .env.example. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Three-way drift check: secrets template, settings keys and .env.example.",
      "Compares the Vault agent template's KEY= lines, the keys the service's settings read"
          + " (SettingsKeys.ALL) and the KEY= lines of .env.example.",
      "Errors: no template; a template key no setting reads (unused secret); a key a deployed"
          + " service reads that the template does not render (SettingsKeys.DEPLOYED, not rendered);"
          + " a setting missing from .env.example (undocumented)."
    },
    footer = ExitCode.FOOTER)
public final class EnvCheckCommand implements Callable<Integer> {
  /** Where the repository keeps it, relative to the repository root. */
  public static final String DEFAULT_TEMPLATE = "deploy/vault/secrets.ctmpl";

  private final CliContext context;
  private final Set<String> settingsKeys;
  private final Set<String> deployedKeys;

  @Option(
      names = "--template",
      defaultValue = DEFAULT_TEMPLATE,
      description = "Vault agent template whose KEY= lines are rendered (default: ${DEFAULT-VALUE}).")
  String template;

  @Option(
      names = "--env-example",
      defaultValue = ".env.example",
      description = "The documented example environment (default: ${DEFAULT-VALUE}).")
  String envExample;

  @Option(names = "--diff", description = "Also list the differences that are not errors.")
  boolean diff;

  @Option(names = "--fix", description = "Print the lines to add to .env.example.")
  boolean fix;

  @Option(names = "--json", description = "Machine-readable output.")
  boolean json;

  EnvCheckCommand(CliContext context) {
    this(context, SettingsKeys.ALL, SettingsKeys.DEPLOYED);
  }

  EnvCheckCommand(CliContext context, Set<String> settingsKeys, Set<String> deployedKeys) {
    this.context = context;
    this.settingsKeys = settingsKeys;
    this.deployedKeys = deployedKeys;
  }

  @Override
  public Integer call() {
    Path templatePath = context.resolve(template);
    Path examplePath = context.resolve(envExample);
    if (!Files.isRegularFile(examplePath)) {
      throw new ConfigurationException(envExample + " not found (looked at " + examplePath + ")");
    }
    Set<String> templateKeys =
        Files.isRegularFile(templatePath) ? TemplateKeys.parse(read(templatePath)) : null;
    EnvDrift drift =
        new EnvDrift(templateKeys, settingsKeys, deployedKeys, EnvExampleKeys.parse(read(examplePath)));
    List<String> fixLines = new EnvExampleFix(Redactor.defaults()).linesFor(drift.undocumented());

    if (json) {
      new JsonOutput().print(context.out(), document(drift, fixLines));
    } else {
      printHuman(drift, fixLines);
    }
    return drift.failed() ? ExitCode.CHECK_FAILED : ExitCode.OK;
  }

  private void printHuman(EnvDrift drift, List<String> fixLines) {
    PrintWriter out = context.out();
    Style style = new Style(context.colour());
    if (drift.templateMissing()) {
      context
          .err()
          .println(
              style.bad("error:")
                  + " template "
                  + template
                  + " not found (looked at "
                  + context.resolve(template)
                  + "); nothing proves the deploy gets its keys");
      context.err().flush();
    }
    out.printf(
        "template %s (%s), settings (%d keys), %s (%d keys)%n",
        template,
        drift.templateMissing() ? "missing" : drift.templateKeys().size() + " keys",
        drift.settingsKeys().size(),
        envExample,
        drift.exampleKeys().size());

    Table table = new Table("LEVEL", "KIND", "KEY", "MEANING");
    String error = style.bad("ERROR");
    drift.unusedSecrets().forEach(
        key -> table.row(error, "unused-secret", key, "rendered by the template, read by no setting"));
    drift.notRendered().forEach(
        key -> table.row(error, "not-rendered", key, "a deployed service reads it, the template does not render it"));
    drift.undocumented().forEach(
        key -> table.row(error, "undocumented", key, "read by the settings, missing from " + envExample));
    if (diff) {
      drift.notInTemplate().forEach(
          key -> table.row("INFO", "not-in-template", key, "an alias, not needed from the template"));
      drift.documentedButUnread().forEach(
          key -> table.row("INFO", "unread", key, "in " + envExample + ", read by no setting"));
    }
    if (!table.isEmpty()) {
      table.print(out);
    }
    if (fix && !fixLines.isEmpty()) {
      out.println();
      out.println("# Add to " + envExample + ":");
      fixLines.forEach(out::println);
    }
    out.println(
        drift.failed()
            ? style.bad("FAIL") + " " + drift.errorCount() + " error(s)"
            : style.good("OK") + " no drift");
    out.flush();
  }

  private Map<String, Object> document(EnvDrift drift, List<String> fixLines) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("ok", !drift.failed());
    document.put("template", template);
    document.put("template_missing", drift.templateMissing());
    document.put("env_example", envExample);
    document.put("unused_secrets", drift.unusedSecrets());
    document.put("not_rendered", drift.notRendered());
    document.put("undocumented", drift.undocumented());
    if (diff) {
      document.put("not_in_template", drift.notInTemplate());
      document.put("documented_but_unread", drift.documentedButUnread());
    }
    if (fix) {
      document.put("fix", fixLines);
    }
    return document;
  }

  private static List<String> read(Path path) {
    try {
      return Files.readAllLines(path);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + path + ": " + e.getMessage());
    }
  }
}
