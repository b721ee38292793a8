package com.financereport.observability.otlp;

import com.financereport.observability.internal.otlp.OtlpLogExport;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.ObservabilitySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Logback context of its own with a text "stdout" the test can read, and the OTLP export
 * installed on it from an environment map. Closing it shuts the export down.
 */
final class ExportFixture implements AutoCloseable {
  /** The spool folder this fixture made for itself, or null when the test chose one. */
  private String ownSpoolDir;

  final LoggerContext context;
  final ObservabilityRuntime runtime;
  final Optional<OtlpLogExport> export;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  private ExportFixture(LoggerContext context, Map<String, String> environment) {
    this(context, environment, true);
  }

  private ExportFixture(LoggerContext context, Map<String, String> environment, boolean spool) {
    this.context = context;
    if (context.getMDCAdapter() == null) {
      // The adapter SLF4J's MDC writes to, so MDC.put in a test reaches the events.
      context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    }
    context.start();
    attachStdout();
    Map<String, String> withSpoolDir = new HashMap<>(environment);
    // Each fixture spools into its own folder: a spool left by one test must not replay into another.
    if (!withSpoolDir.containsKey("OBSERVABILITY_SPOOL_DIR")) {
      ownSpoolDir = freshSpoolDir();
      withSpoolDir.put("OBSERVABILITY_SPOOL_DIR", ownSpoolDir);
    }
    this.runtime = ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(withSpoolDir));
    this.export =
        spool
            ? OtlpLogExport.install(context, runtime)
            : OtlpLogExport.start(context, runtime, false, true);
  }

  /** Export to this endpoint with quick batches; {@code extra} are further variables. */
  static ExportFixture exportingTo(String baseEndpoint, String... extra) {
    Map<String, String> environment = new HashMap<>();
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", baseEndpoint);
    environment.put("OTEL_BLRP_SCHEDULE_DELAY", "50");
    environment.putAll(pairs(extra));
    return new ExportFixture(new LoggerContext(), environment);
  }

  /**
   * The pipeline without the disk spool, where the SDK exporter retries by itself (honouring
   * Retry-After) and a full queue only counts its drops.
   */
  static ExportFixture exportingWithoutSpoolTo(String baseEndpoint, String... extra) {
    Map<String, String> environment = new HashMap<>();
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", baseEndpoint);
    environment.put("OTEL_BLRP_SCHEDULE_DELAY", "50");
    environment.putAll(pairs(extra));
    return new ExportFixture(new LoggerContext(), environment, false);
  }

  /**
   * A new spool directory under the JVM's temp directory, removed when the test JVM exits: tests
   * hand one directory to several fixtures in turn (a restart), so no single fixture may delete it.
   */
  static String freshSpoolDir() {
    try {
      java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("otlp-test-spool");
      SPOOL_DIRS.add(directory);
      return directory.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final java.util.Set<java.nio.file.Path> SPOOL_DIRS =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> SPOOL_DIRS.forEach(ExportFixture::deleteTree), "test-spool-cleanup"));
  }

  static void deleteTree(java.nio.file.Path root) {
    try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(root)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(path -> path.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // Best effort at exit: a file still being written is left behind.
    }
  }

  static ExportFixture withEnvironment(String... pairs) {
    return new ExportFixture(new LoggerContext(), pairs(pairs));
  }

  /** Installs on a given context, e.g. the one SLF4J and the JUL bridge log to. */
  static ExportFixture onContext(LoggerContext context, String baseEndpoint, String... extra) {
    Map<String, String> environment = new HashMap<>();
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", baseEndpoint);
    environment.put("OTEL_BLRP_SCHEDULE_DELAY", "50");
    environment.putAll(pairs(extra));
    return new ExportFixture(context, environment);
  }

  Logger logger(String name) {
    return context.getLogger(name);
  }

  OtlpLogExport export() {
    return export.orElseThrow(() -> new AssertionError("export was not installed"));
  }

  /** Everything written to this context's stdout so far, one line per event. */
  List<String> stdoutLines() {
    synchronized (stdout) {
      String text = stdout.toString(StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
  }

  @Override
  public void close() {
    export.ifPresent(e -> e.shutdown(java.time.Duration.ofSeconds(2)));
    context.stop();
    if (ownSpoolDir != null) {
      // Nobody else knows this folder: it goes with the fixture.
      deleteTree(java.nio.file.Path.of(ownSpoolDir));
    }
  }

  /** A loopback URL nobody listens on: connections are refused at once. */
  static String refusingEndpoint() {
    return com.financereport.observability.otlp.testing.OtlpTestReceiver.refusingBaseEndpoint();
  }

  private void attachStdout() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger %msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("stdout");
    appender.setEncoder(encoder);
    appender.setOutputStream(new SynchronizedStream(stdout));
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
  }

  private static Map<String, String> pairs(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** Lets the test read the buffer while appenders write to it. */
  private static final class SynchronizedStream extends java.io.OutputStream {
    private final ByteArrayOutputStream target;

    SynchronizedStream(ByteArrayOutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      synchronized (target) {
        target.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (target) {
        target.write(b, off, len);
      }
    }
  }
}
