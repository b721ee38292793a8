package com.financereport.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.ReceivedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One run of the example application in its own JVM, from start to SIGTERM, with export to the
 * test receiver; each subclass is one way of configuring logging. The run happens once, then
 * each test checks one fact about what it printed and sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoggingScenario {
  static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern THREAD_NAME = Pattern.compile("^\"([^\"]+)\"", Pattern.MULTILINE);

  OtlpTestReceiver receiver;
  Path spool;
  List<String> stdout;
  List<String> stderr;
  String threadDump;
  Duration exitTime;
  int exitCode;

  /** A directory to put in front of the classpath (a logback-spring.xml), or null. */
  Path classpathFront() throws IOException {
    return null;
  }

  /** Arguments beyond the common ones. */
  List<String> arguments() {
    return List.of();
  }

  @BeforeAll
  void runTheApplication() throws IOException {
    receiver = OtlpTestReceiver.start();
    spool = Files.createTempDirectory("example-spool");
    Map<String, String> environment = new HashMap<>();
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint());
    environment.put("OBSERVABILITY_SPOOL_DIR", spool.toString());
    environment.put("OBSERVABILITY_SHUTDOWN_TIMEOUT", SHUTDOWN_TIMEOUT.toSeconds() + "s");
    environment.put("ENVIRONMENT", "ci");
    List<String> args = new ArrayList<>();
    args.add("--example.redaction-demo=true");
    args.add("--management.endpoints.web.exposure.include=health,threaddump");
    args.addAll(arguments());
    try (ExampleProcess app =
        ExampleProcess.start(environment, classpathFront(), args.toArray(String[]::new))) {
      app.awaitLine(line -> line.contains("Redaction demo done"), Duration.ofSeconds(30));
      assertThat(app.get("/api/items/7").statusCode()).isEqualTo(200);
      threadDump = app.get("/actuator/threaddump", "Accept", "text/plain").body();
      receiver.awaitRecords(1, Duration.ofSeconds(20));
      exitTime = app.stop(SHUTDOWN_TIMEOUT.plusSeconds(30));
      exitCode = app.exitCode();
      stdout = app.stdout();
      stderr = app.stderr();
    }
  }

  @AfterAll
  void stopTheReceiver() {
    receiver.close();
    ExampleProcess.deleteTree(spool);
  }

  @Test
  void everyStdoutLineFromStartToExitIsOneJsonObject() {
    assertThat(stdout).as("stdout").isNotEmpty();
    for (String line : stdout) {
      assertThat(parse(line)).as("stdout line is not a JSON object: %s", line).isNotNull();
    }
  }

  @Test
  void startUpAndShutdownLinesAreAmongThem() {
    assertThat(messages()).anyMatch(m -> m.startsWith("Started ExampleApplication"));
    assertThat(messages()).as("stderr: %s", stderr).contains(ShutdownNote.MESSAGE);
  }

  static Stream<Arguments> secrets() {
    return Stream.of(
        Arguments.of("message", RedactionDemo.MESSAGE_SECRET, "Calling the partner API"),
        Arguments.of("key-value", RedactionDemo.KEY_VALUE_SECRET, "Partner login"),
        Arguments.of("MDC", RedactionDemo.MDC_SECRET, "Session opened"),
        Arguments.of("exception", RedactionDemo.EXCEPTION_SECRET, "Partner call failed"),
        Arguments.of("JUL", RedactionDemo.JUL_SECRET, "legacy client sent"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretInTheLineIsRedactedOnStdout(String where, String secret, String message) {
    String line = stdoutLine(message);
    assertThat(line).as("the %s line", where).doesNotContain(secret).contains("[REDACTED]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretNeverReachesTheCollector(String where, String secret, String message) {
    ReceivedRecord record = receivedRecord(message);
    assertThat(record.wireText()).as("the %s record", where).doesNotContain(secret).contains("[REDACTED]");
  }

  @Test
  void noSecretReachesStderr() {
    secrets()
        .map(a -> (String) a.get()[1])
        .forEach(secret -> assertThat(stderr).noneMatch(l -> l.contains(secret)));
  }

  @Test
  void recordsArriveUnderTheApplicationName() {
    ReceivedRecord record = receivedRecord("Item read");
    assertThat(record.resourceAttribute("service.name")).isEqualTo("spring-boot-example");
    assertThat(record.resourceAttribute("deployment.environment")).isEqualTo("ci");
  }

  @Test
  void theLineLoggedWhileTheContextClosesReachesTheCollector() {
    assertThat(receiver.records()).extracting(ReceivedRecord::body).contains(ShutdownNote.MESSAGE);
  }

  @Test
  void theProcessExitsCleanlyWithinTheShutdownBound() {
    assertThat(exitTime).isLessThan(SHUTDOWN_TIMEOUT.plusSeconds(1));
    assertThat(exitCode).as("exit code after SIGTERM").isIn(0, 143);
  }

  @Test
  void exactlyOneBatchProcessorThreadRuns() {
    assertThat(threadNames()).filteredOn(n -> n.startsWith("BatchLogRecordProcessor")).hasSize(1);
  }

  @Test
  void exactlyOneSpoolReplayerRuns() {
    assertThat(threadNames()).filteredOn(n -> n.equals("observability-spool-replayer")).hasSize(1);
  }

  List<String> threadNames() {
    List<String> names = new ArrayList<>();
    Matcher matcher = THREAD_NAME.matcher(threadDump);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    assertThat(names).as("thread dump").isNotEmpty();
    return names;
  }

  List<String> messages() {
    return stdout.stream().map(LoggingScenario::parse).map(n -> n.path("message").asText()).toList();
  }

  String stdoutLine(String messageStart) {
    return stdout.stream()
        .filter(l -> parse(l).path("message").asText().startsWith(messageStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stdout line starts with: " + messageStart + "\n" + String.join("\n", stdout)));
  }

  ReceivedRecord receivedRecord(String bodyStart) {
    return receiver.records().stream()
        .filter(r -> r.body().startsWith(bodyStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record received starts with: " + bodyStart));
  }

  static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
