package com.financereport.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** One obs invocation in-process, with its exit code and both output streams captured. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(Path workingDirectory, Map<String, String> env, String... args) {
    return runWithStdin(workingDirectory, env, "", args);
  }

  public static CliRun runWithStdin(
      Path workingDirectory, Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            env,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            workingDirectory,
            false,
            Clock.systemUTC());
    int code = Obs.run(context, args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
