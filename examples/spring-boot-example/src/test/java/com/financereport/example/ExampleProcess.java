package com.financereport.example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example application as a separate JVM, as it runs in production: every line it prints, from
 * the first to the last, is kept; it is stopped with SIGTERM, as a container is.
 */
final class ExampleProcess implements AutoCloseable {
  /** Removes a folder an example run wrote into (its spool), once the application has exited. */
  static void deleteTree(Path root) {
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a folder left in the temp directory fails no test.
    }
  }

  private static final Pattern PORT = Pattern.compile("started on port[s]? (?:\\[)?(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final List<Thread> drains = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int port;

  private ExampleProcess(Process process) {
    this.process = process;
    drains.add(drain(process.getInputStream(), stdout, "stdout"));
    drains.add(drain(process.getErrorStream(), stderr, "stderr"));
  }

  /**
   * Starts the application with exactly these variables (nothing of this JVM's OTEL_* or
   * OBSERVABILITY_* leaks in), an optional directory in front of the classpath, and arguments.
   */
  static ExampleProcess start(Map<String, String> environment, Path classpathFront, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    String classpath = System.getProperty("java.class.path");
    command.add(classpathFront == null ? classpath : classpathFront + java.io.File.pathSeparator + classpath);
    command.add(ExampleApplication.class.getName());
    command.add("--server.port=0");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.startsWith("OBSERVABILITY_")
        || k.equals("DEBUG") || k.equals("ENVIRONMENT") || k.equals("ENV") || k.equals("LOG_LEVEL"));
    builder.environment().putAll(environment);
    try {
      ExampleProcess started = new ExampleProcess(builder.start());
      started.port = started.awaitPort();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int awaitPort() {
    String line = awaitLine(l -> PORT.matcher(l).find(), START_TIMEOUT);
    Matcher matcher = PORT.matcher(line);
    matcher.find();
    return Integer.parseInt(matcher.group(1));
  }

  /** Waits for a stdout line that matches; fails with what the process printed. */
  String awaitLine(Predicate<String> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline) {
      List<String> lines = stdout;
      for (int i = seen; i < lines.size(); i++) {
        if (match.test(lines.get(i))) {
          return lines.get(i);
        }
      }
      seen = lines.size();
      if (!process.isAlive() && seen == stdout.size()) {
        break;
      }
      pause();
    }
    throw new AssertionError(
        "the example application did not print the expected line; stdout:\n"
            + String.join("\n", stdout)
            + "\nstderr:\n"
            + String.join("\n", stderr));
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM, then waits for the exit; returns how long the exit took. */
  Duration stop(Duration limit) {
    long start = System.nanoTime();
    try {
      // A container's stop: SIGTERM. (Process.destroy() here ends the JVM without its hooks.)
      new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the example application did not exit within " + limit);
      }
      Duration exit = Duration.ofNanos(System.nanoTime() - start);
      // The drains end with the streams: after them, every line the process printed is kept.
      for (Thread drain : drains) {
        drain.join(TimeUnit.SECONDS.toMillis(10));
      }
      return exit;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int exitCode() {
    return process.exitValue();
  }

  List<String> stdout() {
    return List.copyOf(stdout);
  }

  List<String> stderr() {
    return List.copyOf(stderr);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static Thread drain(InputStream stream, List<String> into, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  into.add(line);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "example-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
