package com.financereport.cli.vault;

import com.financereport.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The request options every Vault command takes: one definition, one help text. */
final class VaultRequestOptions {
  @Option(
      names = "--timeout",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--json", description = "Machine-readable output.")
  boolean json;
}
