package com.financereport.observability.internal.spool;

import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A service run in its own JVM for the restart tests: the real SDK pipeline (batch processor,
 * spooling exporter, OTLP/HTTP exporter) with its spool in the given directory.
 *
 * <p>Usage: {@code <mode> <spoolDir> <endpoint> [count]}. Modes: {@code log-then-wait} logs {@code
 * count} records, prints {@code LOGGED} once all are spooled, and waits for SIGTERM (its shutdown hook shuts the
 * pipeline down); {@code log-forever} logs until killed, printing {@code ACCEPTED <n>} every 100
 * records; {@code idle} only runs the pipeline, so the spool's replayer delivers what it finds.
 */
public final class SpoolChildProcess {
  private SpoolChildProcess() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path spoolDirectory = Path.of(args[1]);
    String endpoint = args[2];
    SpoolingLogRecordExporter exporter =
        SpoolingLogRecordExporter.builder(
                SpoolingLogRecordExporterTest.otlpExporter(endpoint),
                SpoolingLogRecordExporterTest.settings(spoolDirectory, 256L << 20))
            .replayBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
            .build();
    SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(SpoolTestRecords.RESOURCE)
            .addLogRecordProcessor(
                BatchLogRecordProcessor.builder(exporter)
                    .setMaxQueueSize(40_000)
                    .setScheduleDelay(Duration.ofMillis(200))
                    .build())
            .build();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> provider.shutdown().join(10, TimeUnit.SECONDS), "shutdown-pipeline"));
    Logger logger = provider.get("com.example.Ledger");
    switch (mode) {
      case "log-then-wait" -> {
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
          logger.logRecordBuilder().setBody("rec-" + i).emit();
        }
        // Report once everything is on disk, so the parent knows the outage has been absorbed.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (exporter.stats().spooled() < count && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        System.out.println("LOGGED " + count);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
      }
      case "log-forever" -> {
        for (int i = 0; ; i++) {
          logger.logRecordBuilder().setBody("rec-" + i).emit();
          if ((i + 1) % 100 == 0) {
            System.out.println("ACCEPTED " + (i + 1));
            System.out.flush();
          }
          if (i % 10 == 9) {
            Thread.sleep(1);
          }
        }
      }
      case "idle" -> Thread.sleep(Long.MAX_VALUE);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
  }
}
