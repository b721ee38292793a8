package com.financereport.bench.spool;

import com.financereport.observability.internal.export.OtlpHttpLogSender;
import com.financereport.observability.internal.export.Sender;
import com.financereport.observability.settings.SpoolSettings;
import com.financereport.observability.internal.spool.SpoolStats;
import com.financereport.observability.internal.spool.SpoolingLogRecordExporter;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.api.common.Attributes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The disk spool's two costs: writing records while the collector is down (records/s, and bytes on
 * disk per record, printed at tear-down) and replaying them to a loopback OTLP receiver once it is
 * back (records/s).
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpoolBenchmark {
  private static final int BATCH = 512;
  private static final int REPLAY_RECORDS = 50_000;

  private Path directory;
  private List<LogRecordData> batch;
  private SpoolingLogRecordExporter writer;
  private HttpServer receiver;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    batch = realisticBatch();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/v1/logs",
        exchange -> {
          try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            exchange.sendResponseHeaders(200, -1);
          }
        });
    receiver.start();
  }

  @Setup(Level.Iteration)
  public void openWriter() throws IOException {
    directory = Files.createTempDirectory("spool-bench");
    writer = SpoolingLogRecordExporter.create(unreachable(), settings(directory));
    writer.flushToDisk(); // every batch goes to disk, as during an outage
  }

  @TearDown(Level.Iteration)
  public void closeWriter() throws IOException {
    SpoolStats stats = writer.stats();
    if (stats.spooled() > 0) {
      System.out.printf(
          "%n  spool write: %d records, %.1f bytes per record on disk%n",
          stats.spooled(), (double) stats.spooledBytes() / stats.spooled());
    }
    writer.shutdown();
    delete(directory);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    receiver.stop(0);
  }

  /** Records written to the spool per second (one export of 512 records per operation). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OperationsPerInvocation(BATCH)
  public CompletableResultCode spoolWrite() {
    return writer.export(batch);
  }

  /** Records replayed to the loopback receiver per second: 50 000 spooled records per operation. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OperationsPerInvocation(REPLAY_RECORDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public long replay(ReplayState state) throws InterruptedException {
    SpoolingLogRecordExporter replaying =
        SpoolingLogRecordExporter.builder(
                // As a service's spool replays: our sender, no retry inside it.
                sender(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/logs")),
                settings(state.directory))
            .build(); // the default replay batch (256 records), as a service runs it
    try {
      while (replaying.stats().replayed() < REPLAY_RECORDS) {
        Thread.sleep(1);
      }
      return replaying.stats().replayed();
    } finally {
      replaying.shutdown();
    }
  }

  /** A spool directory holding {@value #REPLAY_RECORDS} records, refilled before each replay. */
  @State(Scope.Thread)
  public static class ReplayState {
    Path directory;

    @Setup(Level.Invocation)
    public void fill() throws IOException {
      directory = Files.createTempDirectory("spool-replay-bench");
      SpoolingLogRecordExporter filler = SpoolingLogRecordExporter.create(unreachable(), settings(directory));
      filler.flushToDisk();
      List<LogRecordData> batch = realisticBatch();
      for (int i = 0; i < REPLAY_RECORDS / BATCH + 1; i++) {
        filler.export(batch);
      }
      // Closed before the replay starts: its instance folder, records and all, is then free.
      filler.shutdown().join(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @TearDown(Level.Invocation)
    public void clear() throws IOException {
      delete(directory);
    }
  }

  private static SpoolSettings settings(Path directory) {
    // The owner the records below are written under: the replayer sends only that owner's records.
    return new SpoolSettings(
        directory, 1L << 30, Duration.ofDays(7), "finance-report-backend", "production");
  }

  /**
   * A collector that cannot be reached (nothing listens on port 1): every export fails retryably.
   * A succeeding stand-in would take the spooled records when the filler shuts down (shutdown
   * delivers what it can), leaving nothing for {@link #replay} to send.
   */
  private static Sender unreachable() {
    return sender(URI.create("http://127.0.0.1:1/v1/logs"));
  }

  private static Sender sender(URI endpoint) {
    return OtlpHttpLogSender.create(
        endpoint,
        Map.of(),
        Duration.ofSeconds(10),
        "none",
        false,
        org.slf4j.LoggerFactory.getLogger(SpoolBenchmark.class));
  }

  /** 512 records shaped like a service's: a resource, a message, a few key-values. */
  private static List<LogRecordData> realisticBatch() {
    List<LogRecordData> captured = new ArrayList<>();
    LogRecordExporter capture =
        new LogRecordExporter() {
          @Override
          public CompletableResultCode export(Collection<LogRecordData> logs) {
            captured.addAll(logs);
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.builder()
                                .put("service.name", "finance-report-backend")
                                .put("service.version", "3f2a9c1")
                                .put("deployment.environment", "production")
                                .build())))
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(capture))
            .build()) {
      Logger logger = provider.get("com.financereport.backend.http.RequestLog");
      for (int i = 0; i < BATCH; i++) {
        logger
            .logRecordBuilder()
            .setSeverityText("INFO")
            .setBody("GET /api/reports/" + i + " answered 200 in 12 ms")
            .setAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("http.method"), "GET")
            .setAttribute(io.opentelemetry.api.common.AttributeKey.longKey("http.status_code"), 200L)
            .setAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("request.id"), "req-" + i)
            .emit();
      }
    }
    return captured;
  }

  private static void delete(Path directory) throws IOException {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
