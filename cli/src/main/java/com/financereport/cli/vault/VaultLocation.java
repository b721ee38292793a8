package com.financereport.cli.vault;

import java.util.Map;
import picocli.CommandLine.Option;

/** The options that name a service's secret: shared by env set and env get. */
public final class VaultLocation {
  public static final String DEFAULT_TEMPLATE = "secret/{project}/{env}/{service}";

  @Option(names = "--project", defaultValue = "finance_report", description = "Project (default: ${DEFAULT-VALUE}).")
  String project;

  @Option(names = "--env", required = true, description = "Environment, e.g. production, staging, pr-47.")
  String environment;

  @Option(names = "--service", defaultValue = "app", description = "Service (default: ${DEFAULT-VALUE}).")
  String service;

  @Option(
      names = "--path-template",
      defaultValue = DEFAULT_TEMPLATE,
      description = "Vault KV v2 path; the first segment is the mount (default: ${DEFAULT-VALUE}).")
  String pathTemplate;

  SecretPath path() {
    return SecretPath.fromTemplate(
        pathTemplate, Map.of("project", project, "env", environment, "service", service));
  }

  String environment() {
    return environment;
  }
}
