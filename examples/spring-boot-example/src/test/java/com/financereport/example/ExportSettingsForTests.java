package com.financereport.example;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import java.nio.file.Path;

/**
 * The export settings of an in-process {@code @SpringBootTest}, as system properties: the starter
 * reads its variables through Spring's environment, which has them before the context, and its
 * logging, start. (Each test class has its own JVM, so they never leak.)
 */
final class ExportSettingsForTests {
  private ExportSettingsForTests() {}

  /** Export to {@code endpoint}, spooling under {@code spool}, with a short batch delay. */
  static void exportTo(String endpoint, Path spool) {
    System.setProperty("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    System.setProperty("OBSERVABILITY_SPOOL_DIR", spool.toString());
    System.setProperty("OTEL_BLRP_SCHEDULE_DELAY", "100");
  }

  /** Spans too, to the same endpoint, with a short batch delay. */
  static void exportTraces() {
    System.setProperty("OTEL_TRACES_EXPORTER", "otlp");
    System.setProperty("OTEL_BSP_SCHEDULE_DELAY", "100");
  }

  /** A started receiver, with export pointed at it. */
  static OtlpTestReceiver receiverFor(Path spool) {
    OtlpTestReceiver receiver = OtlpTestReceiver.start();
    exportTo(receiver.baseEndpoint(), spool);
    return receiver;
  }
}
