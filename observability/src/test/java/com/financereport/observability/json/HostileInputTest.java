package com.financereport.observability.json;

import com.financereport.observability.internal.json.JsonWriter;
import com.financereport.observability.internal.json.StructuredValueWriter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** None of these may throw into the caller or break "one event, one line". */
class HostileInputTest {
  private final LogCapture capture =
      LogCapture.json(
          Map.of("OBSERVABILITY_MAX_VALUE_BYTES", "1KiB", "OBSERVABILITY_MAX_LINE_BYTES", "4KiB"));
  private final Logger log = capture.logger("hostile");

  @Test
  void controlCharactersInMessagesStayOnOneLine() {
    log.info("first\nsecond\rthird\t\"quoted\" \\ back \u0000 nul \u0007 bell \u2028 sep");

    assertThat(capture.lines()).hasSize(1);
    assertThat(capture.single().get("message").asText())
        .isEqualTo("first\nsecond\rthird\t\"quoted\" \\ back \u0000 nul \u0007 bell \u2028 sep");
  }

  @Test
  void controlCharactersInKeysStayOnOneLine() {
    log.atInfo().addKeyValue("evil\nkey\"", "v").log("x");

    assertThat(capture.lines()).hasSize(1);
    assertThat(capture.single().get("evil\nkey\"").asText()).isEqualTo("v");
  }

  @Test
  void loneSurrogatesAreEscapedNotDropped() {
    log.atInfo().addKeyValue("k\ud800", "a\udc00b").log("lone \ud800 high and \udfff low");

    assertThat(capture.lines()).hasSize(1);
    assertThat(capture.lines().get(0)).contains("\\ud800").contains("\\udfff").contains("\\udc00");
    assertThat(capture.single().get("message").asText()).startsWith("lone ");
  }

  @Test
  void supplementaryCharactersArePreserved() {
    log.info("emoji \uD83D\uDE00 ok");

    assertThat(capture.single().get("message").asText()).isEqualTo("emoji \uD83D\uDE00 ok");
  }

  @Test
  void aThrowingToStringBecomesAMarker() {
    Object hostile =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("boom");
          }
        };
    log.atInfo().addKeyValue("value", hostile).log("x");

    assertThat(capture.single().get("value").asText())
        .startsWith("[toString() of ")
        .endsWith(" threw IllegalStateException]");
  }

  @Test
  void aThrowingToStringInsideANestedListIsWrittenAsAMarker() {
    Object hostile =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("boom");
          }
        };
    log.atInfo().addKeyValue("items", java.util.List.of("ok", hostile)).log("x");

    JsonNode items = capture.single().get("items");
    assertThat(items.get(0).asText()).isEqualTo("ok");
    assertThat(items.get(1).asText())
        .startsWith("[toString() of ")
        .endsWith(" threw IllegalStateException]");
  }

  @Test
  void nullKeysAndNullValuesAreWritten() {
    log.atInfo().addKeyValue(null, "v").addKeyValue("k", (Object) null).log((String) null);

    JsonNode line = capture.single();
    assertThat(line.get("null").asText()).isEqualTo("v");
    assertThat(line.get("k").isNull()).isTrue();
    assertThat(line.get("message").asText()).isEmpty();
  }

  @Test
  void aCyclicMapIsCutAtTheCycle() {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);
    List<Object> list = new ArrayList<>();
    list.add(list);

    log.atInfo().addKeyValue("map", cyclic).addKeyValue("list", list).log("x");

    JsonNode line = capture.single();
    assertThat(line.get("map").get("self").asText()).isEqualTo("[CYCLE]");
    assertThat(line.get("list").get(0).asText()).isEqualTo("[CYCLE]");
  }

  @Test
  void deepNestingIsCappedAtMaxDepth() {
    Map<String, Object> root = new HashMap<>();
    Map<String, Object> current = root;
    for (int i = 0; i < 50; i++) {
      Map<String, Object> child = new HashMap<>();
      current.put("child", child);
      current = child;
    }
    log.atInfo().addKeyValue("deep", root).log("x");

    JsonNode node = capture.single().get("deep");
    int depth = 0;
    while (node.isObject()) {
      node = node.get("child");
      depth++;
    }
    assertThat(depth).isEqualTo(StructuredValueWriter.MAX_DEPTH);
    assertThat(node.asText()).isEqualTo("[MAX DEPTH]");
  }

  @Test
  void binaryAndCharArraysAreNeverPrinted() {
    log.atInfo()
        .addKeyValue("blob", new byte[] {0, 1, 2, (byte) 0xff})
        .addKeyValue("letters", "1234".toCharArray())
        .log("x");

    JsonNode line = capture.single();
    assertThat(line.get("blob").asText()).isEqualTo("[binary 4 bytes]");
    assertThat(line.get("letters").asText()).isEqualTo("[char[] 4]");
  }

  @Test
  void aHugeMessageIsCutAndMarked() {
    log.info("x".repeat(5 * 1024 * 1024));

    String message = capture.single().get("message").asText();
    assertThat(message).endsWith(JsonWriter.CUT_MARKER);
    assertThat(message.length()).isLessThanOrEqualTo(1024 + JsonWriter.CUT_MARKER.length());
  }

  @Test
  void aHugeValueIsCutAndMarked() {
    log.atInfo().addKeyValue("payload", "é".repeat(100_000)).log("x");

    String value = capture.single().get("payload").asText();
    assertThat(value).endsWith(JsonWriter.CUT_MARKER);
    assertThat(value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(1024 + JsonWriter.CUT_MARKER.length());
  }

  @Test
  void tooManyMembersAreDroppedAndTheLineSaysSo() {
    var builder = log.atInfo();
    for (int i = 0; i < 100; i++) {
      builder = builder.addKeyValue("field" + i, "v".repeat(200));
    }
    builder.log("many");

    String raw = capture.lines().get(0);
    assertThat(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    JsonNode line = capture.single();
    assertThat(line.get("truncated").asBoolean()).isTrue();
    assertThat(line.get("message").asText()).isEqualTo("many");
    assertThat(line.has("field0")).isTrue();
    assertThat(line.has("field99")).isFalse();
  }

  @Test
  void aHugeCollectionIsCutWithinTheLineLimit() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      many.add("item-" + i);
    }
    log.atInfo().addKeyValue("items", many).log("x");

    assertThat(capture.lines()).hasSize(1);
    assertThat(capture.lines().get(0).length()).isLessThanOrEqualTo(4096);
  }

  @Test
  void aMapModifiedWhileLoggedDoesNotThrow() {
    Map<String, Object> racy =
        new HashMap<>() {
          @Override
          public java.util.Set<Map.Entry<String, Object>> entrySet() {
            throw new java.util.ConcurrentModificationException();
          }
        };
    racy.put("a", 1);
    log.atInfo().addKeyValue("racy", racy).log("x");

    assertThat(capture.single().get("racy").asText())
        .startsWith("[unreadable")
        .endsWith("ConcurrentModificationException]");
  }
}
