package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.console.ConsoleLineEncoder;
import com.financereport.observability.json.LogCapture;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.ReceivedRecord;
import com.financereport.observability.redaction.RedactionCorpus;
import com.financereport.observability.settings.ObservabilitySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Every row of the redaction corpus, logged as the message, as a key-value and as an exception
 * message, through every output: the JSON stdout line, the DEBUG console line, the OTLP record the
 * collector receives, and the spool file written while the collector is down. A secret must be
 * gone from all of them and a look-alike intact in all of them. Secrets under lists of maps (in
 * key-values) and in MDC text are checked the same way.
 */
class RedactionCorpusOutputsTest {
  private static final List<RedactionCorpus.Case> CASES = RedactionCorpus.cases();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Shorter removed texts ("123" of cvv=123) may occur by chance in a timestamp or thread name. */
  private static final int MIN_FRAGMENT = 6;

  /** Names the row a record came from, among the other texts of a spooled record. */
  private static final String CASE_TAG = "corpus-case-";

  private static final String NESTED_OTP = "482913";
  private static final String NESTED_CVV = "731";
  private static final String MDC_PAN = "6222021234567894";

  private OtlpTestReceiver receiver;
  private ExportFixture fixture;

  @AfterEach
  void stop() {
    MDC.clear();
    if (fixture != null) {
      fixture.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void jsonStdoutLinesCarryOnlyTheRedactedCorpus() {
    LogCapture capture = LogCapture.json(Map.of());
    logEveryCase(capture.logger("corpus"));

    List<JsonNode> lines = capture.events();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      RedactionCorpus.Case row = CASES.get(i);
      JsonNode line = lines.get(i);
      expectEqual(wrong, row, "message", line.get("message").asText());
      expectEqual(wrong, row, "key-value", line.get("note").asText());
      expectEqual(wrong, row, "exception message", line.get("exception").get("message").asText());
      expectNoFragment(wrong, row, "line", lines.get(i).toString());
    }
    assertThat(wrong).as("JSON stdout lines that differ from the corpus").isEmpty();
  }

  @Test
  void debugConsoleLinesCarryOnlyTheRedactedCorpus() {
    LogCapture capture = consoleCapture();
    Logger log = capture.logger("corpus");
    List<String> wrong = new ArrayList<>();
    for (RedactionCorpus.Case row : CASES) {
      int from = capture.text().length();
      logCase(log, row, 0);
      String line = capture.text().substring(from);
      if (!line.contains(" - " + row.expected() + " ")) {
        wrong.add("message of " + row.input() + ": " + line);
      }
      if (!line.contains("IllegalStateException: " + row.expected() + "\n")) {
        wrong.add("exception of " + row.input() + ": " + line);
      }
      expectNoFragment(wrong, row, "console line", line);
    }
    assertThat(wrong).as("console lines that differ from the corpus").isEmpty();
  }

  @Test
  void otlpRecordsCarryOnlyTheRedactedCorpus() {
    receiver = OtlpTestReceiver.start();
    fixture = ExportFixture.exportingTo(receiver.baseEndpoint());
    logEveryCase(fixture.logger("corpus"));

    List<ReceivedRecord> records = receiver.awaitRecords(CASES.size(), WAIT);
    List<String> wrong = new ArrayList<>();
    for (ReceivedRecord record : records) {
      RedactionCorpus.Case row = caseOf(record.attribute("case"));
      expectEqual(wrong, row, "body", record.body());
      expectEqual(wrong, row, "attribute", record.attribute("note"));
      expectEqual(wrong, row, "exception.message", record.attribute("exception.message"));
      expectNoFragment(wrong, row, "record", record.wireText());
    }
    assertThat(records).hasSize(CASES.size());
    assertThat(wrong).as("OTLP records that differ from the corpus").isEmpty();
  }

  @Test
  void spoolFilesCarryOnlyTheRedactedCorpus(@TempDir Path spool) {
    fixture =
        ExportFixture.exportingTo(
            OtlpTestReceiver.refusingBaseEndpoint(), "OBSERVABILITY_SPOOL_DIR", spool.toString());
    logEveryCase(fixture.logger("corpus"));
    await().atMost(WAIT).until(() -> fixture.export().status().spool().records() >= CASES.size());

    List<List<String>> records = spooledRecords(spool);
    List<String> wrong = new ArrayList<>();
    for (List<String> texts : records) {
      String tag = texts.stream().filter(t -> t.startsWith(CASE_TAG)).findFirst().orElseThrow();
      RedactionCorpus.Case row = caseOf(tag);
      if (!texts.contains(row.expected())) {
        wrong.add("no spooled text of " + row.input() + " equals " + row.expected());
      }
      expectNoFragment(wrong, row, "spooled record", String.join("\n", texts));
    }
    assertThat(records).hasSize(CASES.size());
    assertThat(wrong).as("spooled records that differ from the corpus").isEmpty();
  }

  @Test
  void secretsUnderListsOfMapsAndInMdcNeverReachStdout() {
    LogCapture capture = LogCapture.json(Map.of());
    logNestedSecrets(capture.logger("nested"));

    JsonNode line = capture.single();
    assertThat(line.get("items").get(0).get("otp").asText()).isEqualTo("[REDACTED]");
    assertThat(line.get("items").get(1).get("payment").get(0).get("cvv").asText())
        .isEqualTo("[REDACTED]");
    assertThat(line.get("cart").asText()).isEqualTo("[{sku=A1, card=[CARD]}]");
    assertNoNestedSecret(capture.text());
  }

  @Test
  void secretsUnderListsOfMapsAndInMdcNeverReachTheConsole() {
    LogCapture capture = consoleCapture();
    logNestedSecrets(capture.logger("nested"));

    assertThat(capture.text())
        .contains("\"otp\":\"[REDACTED]\"")
        .contains("\"cvv\":\"[REDACTED]\"");
    assertNoNestedSecret(capture.text());
  }

  @Test
  void secretsUnderListsOfMapsAndInMdcNeverReachTheCollector() {
    receiver = OtlpTestReceiver.start();
    fixture = ExportFixture.exportingTo(receiver.baseEndpoint());
    logNestedSecrets(fixture.logger("nested"));

    ReceivedRecord record = receiver.awaitRecords(1, WAIT).get(0);
    assertThat(record.attribute("cart")).isEqualTo("[{sku=A1, card=[CARD]}]");
    assertNoNestedSecret(record.wireText());
  }

  @Test
  void secretsUnderListsOfMapsAndInMdcNeverReachTheSpool(@TempDir Path spool) {
    fixture =
        ExportFixture.exportingTo(
            OtlpTestReceiver.refusingBaseEndpoint(), "OBSERVABILITY_SPOOL_DIR", spool.toString());
    logNestedSecrets(fixture.logger("nested"));
    await().atMost(WAIT).until(() -> fixture.export().status().spool().records() >= 1);

    String all = spooledRecords(spool).toString();
    assertThat(all).contains("[REDACTED]");
    assertNoNestedSecret(all);
  }

  private static void logEveryCase(Logger log) {
    for (int i = 0; i < CASES.size(); i++) {
      logCase(log, CASES.get(i), i);
    }
  }

  private static void logCase(Logger log, RedactionCorpus.Case row, int index) {
    log.atInfo()
        .addKeyValue("case", CASE_TAG + index)
        .addKeyValue("note", row.input())
        .setCause(new IllegalStateException(row.input()))
        .log("{}", row.input());
  }

  private static void logNestedSecrets(Logger log) {
    MDC.put("cart", "[{sku=A1, card=" + MDC_PAN + "}]");
    log.atInfo()
        .addKeyValue(
            "items",
            List.of(
                Map.of("sku", "A1", "otp", NESTED_OTP),
                Map.of(
                    "sku",
                    "B2",
                    "payment",
                    List.of(Map.of("cvv", NESTED_CVV, "brand", "UnionPay")))))
        .log("basket");
  }

  private static void assertNoNestedSecret(String output) {
    assertThat(output)
        .as("an output of the nested event")
        .doesNotContain(NESTED_OTP)
        .doesNotContain("\"" + NESTED_CVV + "\"")
        .doesNotContain("=" + NESTED_CVV)
        .doesNotContain(MDC_PAN);
  }

  private static LogCapture consoleCapture() {
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(Map.of("DEBUG", "true")));
    return LogCapture.with(new ConsoleLineEncoder(runtime, false));
  }

  private static void expectEqual(
      List<String> wrong, RedactionCorpus.Case row, String where, String actual) {
    if (!row.expected().equals(actual)) {
      wrong.add(where + " of " + row.input() + " was " + actual);
    }
  }

  private static void expectNoFragment(
      List<String> wrong, RedactionCorpus.Case row, String where, String output) {
    for (RedactionCorpus.Removal removal : row.removals()) {
      if (removal.text().length() >= MIN_FRAGMENT && output.contains(removal.text())) {
        wrong.add(where + " still holds " + removal.text());
      }
    }
  }

  /** The string values of each spooled record, whatever the record's layout. */
  private static List<List<String>> spooledRecords(Path spool) {
    List<List<String>> records = new ArrayList<>();
    try (Stream<Path> files = Files.walk(spool)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(file)) {
          List<String> texts = new ArrayList<>();
          collectTexts(JSON.readTree(line), texts);
          records.add(texts);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  private static RedactionCorpus.Case caseOf(String tag) {
    return CASES.get(Integer.parseInt(tag.substring(CASE_TAG.length())));
  }

  private static void collectTexts(JsonNode node, List<String> texts) {
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    node.forEach(child -> collectTexts(child, texts));
  }
}
