package com.financereport.observability.otlp;

import com.financereport.observability.internal.otlp.OtlpLogExport;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.json.LogCapture;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.ReceivedRecord;
import com.financereport.observability.internal.redaction.Utf8Cut;
import com.financereport.observability.internal.redaction.ValueMarkers;
import com.financereport.observability.settings.ObservabilitySettings;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * One hostile event, logged once to a context with both outputs: the JSON stdout line and the OTLP
 * record the collector receives (decoded with the opentelemetry-proto classes) must show the same
 * redacted values, cut at the same points, under the same resource. Each test compares one part;
 * any drift between the two renderers of the event view fails it.
 */
class StdoutOtlpParityTest {
  private static final int VALUE_BYTES = 1024;
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String SPAN_ID = "b7ad6b7169203331";
  private static final String SECRET = "hunter22secret";
  private static final String EMAIL = "bob@example.com";

  @TempDir static Path spool;
  private static OtlpTestReceiver receiver;
  private static JsonNode line;
  private static ReceivedRecord record;

  @BeforeAll
  static void logTheHostileEventToBothOutputs() throws Exception {
    receiver = OtlpTestReceiver.start();
    Map<String, String> environment = new HashMap<>();
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint());
    environment.put("OTEL_BLRP_SCHEDULE_DELAY", "50");
    environment.put("OTEL_SERVICE_NAME", "billing");
    environment.put("GIT_COMMIT_SHA", "abc123");
    // A service.version of its own: both outputs must carry this one, not GIT_COMMIT_SHA.
    environment.put("OTEL_RESOURCE_ATTRIBUTES", "service.version=9.1,team=payments");
    environment.put("OBSERVABILITY_MAX_VALUE_BYTES", VALUE_BYTES + "B");
    environment.put("OBSERVABILITY_SPOOL_DIR", Files.createDirectories(spool).toString());
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(environment));

    LogCapture stdout = LogCapture.json(runtime);
    LoggerContext context = stdout.context();
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
    Optional<OtlpLogExport> export = OtlpLogExport.install(context, runtime);
    assertThat(export).as("export installed").isPresent();

    SpanContext span =
        SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
    MDC.put("session_id", SECRET);
    MDC.put("customer_ref", "mail " + EMAIL + "\u0001ctl");
    try (Scope scope = Span.wrap(span).makeCurrent()) {
      context
          .getLogger("app")
          .atError()
          .addMarker(MarkerFactory.getMarker("audit"))
          .addKeyValue("api_key", SECRET)
          .addKeyValue("note", "card 4111 1111 1111 1111 \u0007 bell\nnext " + "é".repeat(2000))
          .addKeyValue("nested", hostileTree())
          .addKeyValue("huge", manyItems())
          .addKeyValue("blob", new byte[] {1, 2, 3})
          .addKeyValue("pin", "1234".toCharArray())
          .addKeyValue("letters", "abcd".toCharArray())
          .addKeyValue("ids", List.of(1L, 2L))
          .addKeyValue("amount", 12.5)
          .addKeyValue("paid", true)
          .addKeyValue("bad", new ThrowingToString())
          .setCause(new IllegalStateException("db password=" + SECRET + " for " + EMAIL))
          .log("login for {} token={} {}", EMAIL, SECRET, "ü".repeat(1000));
    } finally {
      MDC.clear();
    }
    record = receiver.awaitRecords(1, Duration.ofSeconds(20)).get(0);
    export.get().shutdown(Duration.ofSeconds(2));
    context.stop();
    line = stdout.single();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void theMessageIsTheSameRedactedTextCutAtTheSamePoint() {
    String message = line.get("message").asText();

    assertThat(record.body()).isEqualTo(message);
    assertThat(message).doesNotContain(SECRET).doesNotContain(EMAIL).endsWith(Utf8Cut.MARKER);
  }

  @Test
  void theExceptionIsTheSameTypeMessageAndStackTraceCutAtTheSamePoint() {
    JsonNode exception = line.get("exception");

    assertThat(record.attribute("exception.type")).isEqualTo(exception.get("type").asText());
    assertThat(record.attribute("exception.message")).isEqualTo(exception.get("message").asText());
    assertThat(record.attribute("exception.stacktrace"))
        .isEqualTo(exception.get("stacktrace").asText())
        .doesNotContain(SECRET)
        .endsWith(Utf8Cut.MARKER);
  }

  @Test
  void everyKeyValueAndMdcEntryIsTheSameRedactedValue() {
    Map<String, AnyValue> attributes = record.attributes();
    List<String> keys =
        List.of("session_id", "customer_ref", "api_key", "note", "nested", "huge", "blob",
            "pin", "letters", "ids", "amount", "paid", "bad");
    for (String key : keys) {
      assertThat(plain(attributes.get(key))).as(key).isEqualTo(plain(line.get(key)));
    }
    assertThat(line.toString()).doesNotContain(SECRET).doesNotContain(EMAIL).doesNotContain("4111");
  }

  @Test
  void theHostileValuesBecomeTheSameMarkers() {
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) plain(record.attributes().get("nested"));

    assertThat(nested.get("self")).isEqualTo(ValueMarkers.CYCLE);
    assertThat(nested.get("password")).isEqualTo("[REDACTED]");
    assertThat(nested.get("payload")).isEqualTo("[binary 4 bytes]");
    assertThat((String) nested.get("hostile")).startsWith("[toString() of ");
    assertThat(plain(record.attributes().get("pin"))).isEqualTo("[REDACTED]");
    assertThat(plain(record.attributes().get("letters"))).isEqualTo("[char[] 4]");
  }

  @Test
  void aHugeListIsCutAfterTheSameElement() {
    List<?> huge = (List<?>) plain(record.attributes().get("huge"));

    assertThat(huge).isEqualTo(plain(line.get("huge")));
    assertThat(huge.get(huge.size() - 1)).isEqualTo(ValueMarkers.TRUNCATED);
    assertThat(huge.size()).isLessThan(manyItems().size());
  }

  @Test
  void theResourceIsTheSameOnTheLineAndTheRecord() {
    Map<String, AnyValue> resource = record.resourceAttributes();

    assertThat(resource).containsKeys("service.name", "service.version", "git.commit", "team");
    resource.forEach(
        (name, value) ->
            assertThat(line.path(name).asText(null)).as(name).isEqualTo(value.getStringValue()));
    assertThat(line.get("service.version").asText()).isEqualTo("9.1");
  }

  @Test
  void theTraceContextAndTagsAreTheSame() {
    assertThat(HexFormat.of().formatHex(record.record().getTraceId().toByteArray()))
        .isEqualTo(line.get("trace_id").asText())
        .isEqualTo(TRACE_ID);
    assertThat(HexFormat.of().formatHex(record.record().getSpanId().toByteArray()))
        .isEqualTo(line.get("span_id").asText());
    assertThat(plain(record.attributes().get("tags"))).isEqualTo(plain(line.get("tags")));
  }

  /** A map holding itself, a secret key, binary data, PII in a list and a throwing toString(). */
  private static Map<String, Object> hostileTree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("self", tree);
    tree.put("password", SECRET);
    tree.put("payload", new byte[4]);
    tree.put("contacts", List.of(EMAIL, 7, List.of("token=" + SECRET)));
    tree.put("hostile", new ThrowingToString());
    tree.put("absent", null);
    return tree;
  }

  private static List<String> manyItems() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      items.add("item-" + i);
    }
    return items;
  }

  private static final class ThrowingToString {
    @Override
    public String toString() {
      throw new IllegalStateException(SECRET);
    }
  }

  /** An OTLP value as plain Java: text, long, double, boolean, null, list, map. */
  private static Object plain(AnyValue value) {
    if (value == null) {
      return "<absent>";
    }
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case BOOL_VALUE -> value.getBoolValue();
      case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(StdoutOtlpParityTest::plain).toList();
      case KVLIST_VALUE -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (KeyValue kv : value.getKvlistValue().getValuesList()) {
          map.put(kv.getKey(), plain(kv.getValue()));
        }
        yield map;
      }
      default -> null;
    };
  }

  /** A JSON value as plain Java, in the same vocabulary as {@link #plain(AnyValue)}. */
  private static Object plain(JsonNode node) {
    if (node == null) {
      return "<absent>";
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(plain(element)));
      return list;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        map.put(field.getKey(), plain(field.getValue()));
      }
      return map;
    }
    return null;
  }
}
