package com.financereport.observability.redaction;

import com.financereport.observability.internal.redaction.StructuredValueWalker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorValueTest {
  private final Redactor redactor = Redactor.defaults();

  @Test
  void anyValueUnderASecretKeyIsReplacedWhole() {
    assertThat(redactor.redactValue("password", "hunter2")).isEqualTo(Redactor.REDACTED);
    assertThat(redactor.redactValue("apiKey", 12345)).isEqualTo(Redactor.REDACTED);
    assertThat(redactor.redactValue("credentials", Map.of("user", "bob")))
        .isEqualTo(Redactor.REDACTED);
  }

  @Test
  void nullStaysNullEvenUnderASecretKey() {
    assertThat(redactor.redactValue("password", null)).isNull();
    assertThat(redactor.redactValue("note", null)).isNull();
  }

  @Test
  void numbersAndBooleansKeepTheirType() {
    assertThat(redactor.redactValue("count", 42)).isEqualTo(42);
    assertThat(redactor.redactValue("amount", 1234.56d)).isEqualTo(1234.56d);
    assertThat(redactor.redactValue("ok", true)).isEqualTo(true);
    assertThat(redactor.redactValue("big", 4111111111111111L)).isEqualTo(4111111111111111L);
  }

  @Test
  void stringsGoThroughTheTextRules() {
    assertThat(redactor.redactValue("note", "mail bob@example.com")).isEqualTo("mail [EMAIL]");
    assertThat(redactor.redactValue(null, "plain")).isEqualTo("plain");
  }

  @Test
  void secretKeysInsideNestedMapsAreReplacedWholeAndOthersKept() {
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("host", "db.internal");
    db.put("password", "hunter2");
    db.put("port", 5432);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("db", db);
    config.put("owner", "ops@example.com");

    Object copy = redactor.redactValue("config", config);

    assertThat(copy)
        .isEqualTo(
            Map.of(
                "db",
                Map.of("host", "db.internal", "password", "[REDACTED]", "port", 5432),
                "owner",
                "[EMAIL]"));
    assertThat(db).containsEntry("password", "hunter2");
  }

  @Test
  void mapOrderIsKept() {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("z", 1);
    ordered.put("a", 2);
    ordered.put("m", 3);

    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) redactor.redactValue("v", ordered);

    assertThat(copy.keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void listsAndArraysBecomeRedactedLists() {
    Object fromList = redactor.redactValue("items", List.of("a", "token=abc", 3));
    Object fromArray = redactor.redactValue("items", new Object[] {"b", Map.of("secret", "s")});
    Object fromInts = redactor.redactValue("items", new int[] {1, 2});
    Object fromSet = redactor.redactValue("items", Set.of("bob@example.com"));

    assertThat(fromList).isEqualTo(List.of("a", "token=[REDACTED]", 3));
    assertThat(fromArray).isEqualTo(List.of("b", Map.of("secret", "[REDACTED]")));
    assertThat(fromInts).isEqualTo(List.of(1, 2));
    assertThat(fromSet).isEqualTo(List.of("[EMAIL]"));
  }

  @Test
  void secretKeysInMapsInsideListsAreReplacedWhole() {
    List<Object> payments =
        List.of(
            Map.of("brand", "UnionPay", "cvv", "731"),
            List.of(Map.of("otp", "482913", "channel", "sms")));

    Object copy = redactor.redactValue("payments", payments);

    assertThat(copy)
        .isEqualTo(
            List.of(
                Map.of("brand", "UnionPay", "cvv", "[REDACTED]"),
                List.of(Map.of("otp", "[REDACTED]", "channel", "sms"))));
  }

  @Test
  void binaryIsNeverPrinted() {
    assertThat(redactor.redactValue("payload", "secret bytes".getBytes()))
        .isEqualTo("[binary 12 bytes]");
    assertThat(redactor.redactValue("pin", "1234".toCharArray())).isEqualTo("[REDACTED]");
    assertThat(redactor.redactValue("chars", "hunter22".toCharArray())).isEqualTo("[char[] 8]");
    assertThat(redactor.redactValue("nested", List.of(new byte[3])))
        .isEqualTo(List.of("[binary 3 bytes]"));
  }

  @Test
  void aMapThatContainsItselfEndsInACycleMarker() {
    Map<String, Object> loop = new HashMap<>();
    loop.put("name", "loop");
    loop.put("self", loop);

    Object copy = redactor.redactValue("v", loop);

    assertThat(copy).isEqualTo(Map.of("name", "loop", "self", "[CYCLE]"));
  }

  @Test
  void aListThatContainsItselfEndsInACycleMarker() {
    List<Object> loop = new ArrayList<>();
    loop.add("x");
    loop.add(loop);

    assertThat(redactor.redactValue("v", loop)).isEqualTo(List.of("x", "[CYCLE]"));
  }

  @Test
  void aValueSharedTwiceIsCopiedTwiceNotCalledACycle() {
    List<String> shared = List.of("a");

    assertThat(redactor.redactValue("v", List.of(shared, shared)))
        .isEqualTo(List.of(List.of("a"), List.of("a")));
  }

  @Test
  void nestingDeeperThanEightIsCut() {
    Object nested = "bottom";
    for (int i = 0; i < 20; i++) {
      nested = List.of(nested);
    }

    Object copy = redactor.redactValue("deep", nested);

    Object level = copy;
    for (int i = 0; i < StructuredValueWalker.MAX_DEPTH; i++) {
      assertThat(level).isInstanceOf(List.class);
      level = ((List<?>) level).get(0);
    }
    assertThat(level).isEqualTo("[MAX DEPTH]");
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

    assertThat((String) redactor.redactValue("v", hostile))
        .startsWith("[toString() of ")
        .endsWith("threw IllegalStateException]");
    assertThat(redactor.redactValue("v", List.of(hostile)))
        .asList()
        .singleElement()
        .asString()
        .contains("threw IllegalStateException");
  }

  @Test
  void otherObjectsAreRedactedThroughToString() {
    record Login(String user, String password) {}

    assertThat(redactor.redactValue("login", new Login("bob", "hunter2")))
        .isEqualTo("Login[user=bob, password=[REDACTED]]");
  }

  @Test
  void nullMapKeysAndValuesAreKept() {
    Map<String, Object> map = new HashMap<>();
    map.put(null, "v");
    map.put("k", null);

    Object copy = redactor.redactValue("v", map);

    assertThat(copy)
        .isEqualTo(
            new HashMap<>(Map.of("null", "v")) {
              {
                put("k", null);
              }
            });
  }

  @Test
  void mapKeysAreTextRedactedToo() {
    assertThat(redactor.redactValue("v", Map.of("bob@example.com", 3)))
        .isEqualTo(Map.of("[EMAIL]", 3));
  }

  @Test
  void aCollectionThatFailsWhileBeingReadBecomesAMarker() {
    List<String> broken =
        new ArrayList<>(Arrays.asList("a", "b")) {
          @Override
          public java.util.Iterator<String> iterator() {
            throw new java.util.ConcurrentModificationException();
          }
        };

    assertThat(redactor.redactValue("v", broken))
        .asString()
        .startsWith("[unreadable")
        .contains("ConcurrentModificationException");
  }
}
