package com.financereport.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The request options of every command that calls a server: one definition, one help text. */
public final class RequestOptions {
  @Option(
      names = "--timeout",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(names = "--json", description = "Machine-readable output.")
  private boolean json;

  public Duration timeout() {
    return timeout;
  }

  public boolean json() {
    return json;
  }
}
