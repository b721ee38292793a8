package com.financereport.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** DEBUG=true: the library's readable console line instead of JSON, redacted the same way. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebugConsoleLoggingTest {
  /** {@code 19:30:00.123 INFO  [main] a.b.Logger - message}, as ConsoleLineEncoder writes it. */
  private static final Pattern CONSOLE_LINE =
      Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) +\\[.*");

  List<String> stdout;

  @BeforeAll
  void runWithDebug() throws IOException {
    java.nio.file.Path spool = Files.createTempDirectory("debug-spool");
    Map<String, String> environment =
        Map.of("DEBUG", "true", "OBSERVABILITY_SPOOL_DIR", spool.toString());
    try (ExampleProcess app =
        ExampleProcess.start(environment, null, "--example.redaction-demo=true")) {
      app.awaitLine(line -> line.contains("Redaction demo done"), Duration.ofSeconds(30));
      app.stop(Duration.ofSeconds(30));
      stdout = app.stdout();
    } finally {
      ExampleProcess.deleteTree(spool);
    }
  }

  @Test
  void theStartedLineIsAConsoleLine() {
    assertThat(stdout)
        .filteredOn(l -> l.contains("Started ExampleApplication"))
        .singleElement()
        .matches(l -> CONSOLE_LINE.matcher(l).matches(), "a console line");
  }

  @Test
  void noLineIsJson() {
    assertThat(stdout).noneMatch(l -> l.startsWith("{"));
  }

  @Test
  void theMessageSecretIsRedacted() {
    assertThat(stdout)
        .filteredOn(l -> l.contains("Calling the partner API"))
        .singleElement()
        .matches(l -> l.contains("[REDACTED]") && !l.contains(RedactionDemo.MESSAGE_SECRET), "redacted");
  }
}
