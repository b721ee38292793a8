package com.financereport.observability.otlp;

import com.financereport.observability.internal.export.OtlpHttpLogSender;
import com.financereport.observability.internal.otlp.OtlpLogExport;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Answer;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The sender reports each failed request on its logger, and the SDK its own troubles through
 * java.util.logging, which the library bridges into Logback. Against a collector that fails every
 * batch, those reports reach stdout at a bounded rate (once per logger per minute) and are never
 * exported themselves.
 */
class OtlpSelfLogLoopTest {
  /** Refused batches to wait for: enough for the SDK to complain many times over. */
  private static final int FAILED_BATCHES = 40;

  private OtlpTestReceiver receiver;
  private ExportFixture fixture;

  @BeforeEach
  void start() {
    // The JUL bridge logs through SLF4J's own context, so this test uses that one.
    LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();
    global.reset();
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    // Every batch fails at once and is not retried: the SDK warns as often as it possibly can.
    receiver = OtlpTestReceiver.start().alwaysAnswer(Answer.status(500));
    fixture = ExportFixture.onContext(global, receiver.baseEndpoint());
  }

  @AfterEach
  void stop() {
    fixture.close();
    receiver.close();
    SLF4JBridgeHandler.uninstall();
    ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
  }

  @Test
  void sdkFailureReportsAreBoundedAndNeverExported() throws InterruptedException {
    int logged = 0;
    // Counted, not timed: log until the collector has refused enough batches.
    while (receiver.requests().stream().filter(r -> r.status() == 500).count() < FAILED_BATCHES) {
      fixture.logger("app").info("business line {}", logged++);
      Thread.sleep(5);
    }
    fixture.export().shutdown(Duration.ofSeconds(2));

    List<String> lines = fixture.stdoutLines();
    Map<String, Long> sdkLinesPerLogger =
        lines.stream()
            .map(line -> line.split(" ", 3))
            .filter(parts -> parts.length == 3 && isExportLogger(parts[1]))
            .collect(Collectors.groupingBy(parts -> parts[1], Collectors.counting()));
    int batchesFailed = receiver.requests().size();

    assertThat(batchesFailed).as("batches the collector refused").isGreaterThanOrEqualTo(FAILED_BATCHES);
    assertThat(sdkLinesPerLogger)
        .as("the sender did report the failures")
        .containsKey(OtlpHttpLogSender.class.getName());
    // One line per logger per minute; the run is shorter than a minute.
    assertThat(sdkLinesPerLogger.values()).allMatch(count -> count <= 1);
    assertThat(lines).filteredOn(line -> line.contains("business line")).hasSize(logged);

    List<String> exportedScopes = new ArrayList<>();
    receiver.requests().stream()
        .filter(r -> r.request() != null)
        .flatMap(r -> r.request().getResourceLogsList().stream())
        .map(ResourceLogs::getScopeLogsList)
        .flatMap(List::stream)
        .map(ScopeLogs::getScope)
        .map(scope -> scope.getName())
        .forEach(exportedScopes::add);
    assertThat(exportedScopes)
        .isNotEmpty()
        .noneMatch(name -> name.startsWith("io.opentelemetry."))
        .noneMatch(name -> name.startsWith(OtlpLogExport.class.getPackageName()))
        .noneMatch(name -> isExportLogger(name));
  }

  /** The SDK's loggers and the sender's, which reports each failed request. */
  private static boolean isExportLogger(String name) {
    return name.startsWith("io.opentelemetry.")
        || name.startsWith(OtlpHttpLogSender.class.getPackageName());
  }

}
