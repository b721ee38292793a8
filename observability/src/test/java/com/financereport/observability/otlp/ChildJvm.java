package com.financereport.observability.otlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@link ExportingMain} in a JVM of its own: its output lines as they come, when it printed {@code
 * main returned}, and when the process ended, so a test can bound the time between the two.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private volatile long mainReturnedNanos;
  private final Thread reader;
  /** The spool folder made for the child, removed once it has exited; null when one was given. */
  private final String madeSpool;

  private ChildJvm(Process process, String madeSpool) {
    this.process = process;
    this.madeSpool = madeSpool;
    this.reader = new Thread(this::readOutput, "child-jvm-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts ExportingMain with these KEY=VALUE arguments and extra process environment. */
  static ChildJvm start(Map<String, String> processEnvironment, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ExportingMain.class.getName());
    command.addAll(List.of(arguments));
    boolean spoolChosen =
        command.stream()
            .anyMatch(
                arg ->
                    arg.startsWith("OBSERVABILITY_SPOOL_DIR=")
                        || arg.equals("main.defaultSpool=true"));
    String madeSpool = null;
    if (!spoolChosen) {
      // Made here, not in the child, and removed by close() once the child has exited.
      madeSpool = Files.createTempDirectory("otlp-child-spool").toString();
      command.add("OBSERVABILITY_SPOOL_DIR=" + madeSpool);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(processEnvironment);
    return new ChildJvm(builder.start(), madeSpool);
  }

  /**
   * A run of the service that logs nothing of its own and only delivers what its spool (the
   * folder {@code spool}) holds; returns once it runs.
   */
  static ChildJvm startIdle(String endpoint, Path spool, Duration timeout)
      throws IOException, InterruptedException {
    ChildJvm child =
        start(
            Map.of(),
            "OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint,
            "OBSERVABILITY_SPOOL_DIR=" + spool,
            "main.count=0",
            "main.stay=true");
    child.awaitLine("LOGGED", timeout);
    return child;
  }

  private void readOutput() {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals("main returned")) {
          mainReturnedNanos = System.nanoTime();
        }
        lines.add(line);
      }
    } catch (IOException ended) {
      // The process is gone.
    }
  }

  /** Waits until a line containing {@code text} was printed. */
  void awaitLine(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (lines.stream().noneMatch(line -> line.contains(text))) {
      if (!process.isAlive() && !reader.isAlive()) {
        throw new AssertionError("the child ended before printing " + text + ":\n" + output());
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("the child did not print " + text + " in " + timeout + ":\n" + output());
      }
      Thread.sleep(5);
    }
  }

  /** Tells a {@code main.stay} child to return from main. */
  void letMainReturn() throws IOException {
    process.getOutputStream().close();
  }

  /** Waits for the exit; returns the time from {@code main returned} to the end of the process. */
  Duration exitAfterMainReturned(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not exit within " + timeout + ":\n" + output());
    }
    long exited = System.nanoTime();
    reader.join(TimeUnit.SECONDS.toMillis(10));
    if (mainReturnedNanos == 0) {
      throw new AssertionError("the child never printed 'main returned':\n" + output());
    }
    return Duration.ofNanos(exited - mainReturnedNanos);
  }

  String output() {
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    if (madeSpool != null) {
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ExportFixture.deleteTree(Path.of(madeSpool));
    }
  }
}
