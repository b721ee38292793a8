package com.financereport.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may read from and write to, passed in so tests never touch the real environment,
 * terminal or clock.
 *
 * @param env the environment variables
 * @param workingDirectory where relative paths are resolved
 * @param colour whether ANSI colour may be used (a console is attached and NO_COLOR is unset)
 */
public record CliContext(
    Map<String, String> env,
    InputStream stdin,
    PrintWriter out,
    PrintWriter err,
    Path workingDirectory,
    boolean colour,
    Clock clock) {

  public CliContext {
    env = Map.copyOf(env);
  }

  /** The process's own environment, streams and terminal. */
  public static CliContext fromSystem() {
    Map<String, String> env = System.getenv();
    boolean colour = System.console() != null && !env.containsKey("NO_COLOR");
    return new CliContext(
        env,
        System.in,
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        Path.of("").toAbsolutePath(),
        colour,
        Clock.systemUTC());
  }

  /** A variable's value, or null when unset or blank. */
  public String variable(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A variable the command cannot run without. */
  public String requiredVariable(String name, String purpose) {
    String value = variable(name);
    if (value == null) {
      throw new ConfigurationException(name + " is not set (" + purpose + ")");
    }
    return value;
  }

  public Path resolve(String path) {
    return workingDirectory.resolve(path).normalize();
  }
}
