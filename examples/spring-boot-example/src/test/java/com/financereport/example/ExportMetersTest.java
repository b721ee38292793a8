package com.financereport.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The export figures as Micrometer meters: they move when records are exported and spooled. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportMetersTest {
  @TempDir static Path spool;
  static OtlpTestReceiver receiver;

  @Autowired MeterRegistry registry;

  @BeforeAll
  static void exportToTheReceiver() {
    receiver = ExportSettingsForTests.receiverFor(spool);
  }

  @AfterAll
  static void stopTheReceiver() {
    receiver.close();
  }

  @Test
  @Order(1)
  void theExportedCounterMovesWhenTheCollectorAcceptsRecords() {
    LoggerFactory.getLogger("meters").info("one line to export");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        registry.get("otel.sdk.exporter.log.exported").tags().functionCounters().stream()
                            .filter(c -> c.getId().getTag("error.type") == null)
                            .mapToDouble(c -> c.count())
                            .sum())
                    .isPositive());
  }

  @Test
  @Order(1)
  void theQueueCapacityIsTheConfiguredQueueSize() {
    assertThat(registry.get("otel.sdk.processor.log.queue.capacity").gauge().value())
        .isEqualTo(8192.0);
  }

  @Test
  @Order(2)
  void theSpoolGaugesMoveWhenTheCollectorIsUnavailable() {
    receiver.alwaysAnswer(OtlpTestReceiver.Answer.status(503));
    for (int i = 0; i < 20; i++) {
      LoggerFactory.getLogger("meters").info("line {} while the collector is down", i);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(registry.get("observability.log.spool.records").gauge().value()).isPositive();
              assertThat(registry.get("observability.log.spool.size").gauge().value()).isPositive();
            });
  }

  @Test
  @Order(3)
  void theFailedCounterCountsTheRefusedExports() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        registry.get("otel.sdk.exporter.log.exported").tag("error.type", "export_failed").functionCounter().count())
                    .isPositive());
  }
}
