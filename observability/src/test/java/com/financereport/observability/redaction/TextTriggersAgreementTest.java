package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prescan is only a shortcut: wherever a rule would change a text, the scan must have set
 * that rule's trigger, so skipping untriggered rules never lets a secret through. Checked on every
 * input of the redaction corpus, on look-alikes at the edges of each trigger, and on random
 * mixtures of both; and the redactor with its prescan must agree with running every rule.
 */
class TextTriggersAgreementTest {
  private static final List<TextRule> RULES =
      DefaultTextRules.create(new SecretKeyMatcher(List.of()));
  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource({"corpusInputs", "edgeCases"})
  void everyRuleThatWouldChangeTheTextIsTriggered(String text) {
    assertTriggered(text);
    assertThat(redactor.redactText(text)).isEqualTo(everyRule(text));
  }

  @Test
  void randomMixturesOfCorpusAndEdgeCases() {
    List<String> pieces = new ArrayList<>(corpusInputs().toList());
    pieces.addAll(edgeCases().toList());
    String[] glue = {
      "", " ", "-", "=", ":", "\n", "\"", "b", "B", "4", "DE", "+", ".", "_", "1", "86", "0", "9",
      "X", "Z", "A", "S", "(", ")"
    };
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int part = random.nextInt(1, 4); part > 0; part--) {
        String piece = pieces.get(random.nextInt(pieces.size()));
        int from = random.nextInt(piece.length() + 1);
        int to = random.nextInt(from, piece.length() + 1);
        text.append(piece, from, to).append(glue[random.nextInt(glue.length)]);
      }
      assertTriggered(text.toString());
      assertThat(redactor.redactText(text.toString())).isEqualTo(everyRule(text.toString()));
    }
  }

  /** Every input of {@link RedactionCorpusTest}, read from its table so the two never drift. */
  static Stream<String> corpusInputs() {
    return RedactionCorpus.cases().stream().map(RedactionCorpus.Case::input);
  }

  /** Triggers at the very start and end of a text, cut short, or in another case. */
  static Stream<String> edgeCases() {
    return Stream.of(
        "bearer abc123def456",
        "Authorization: BEARER abc123def456",
        "xBearer abc123def456",
        "bear",
        "basi",
        "Basic dXNlcjpodW50ZXIy",
        "bd8b4bb0-bbab-4b2b-b1bb-bbbbbbbbbbbb",
        "-----BEGIN PRIVATE KEY----- MIIEvQ -----END PRIVATE KEY-----",
        "----BEGIN PRIVATE KEY----- x",
        "-",
        "xoxb-123456789012-abcdefghijKL",
        "9xoxb-123456789012-abcdefghijKL",
        "ghp_0123456789abcdefghijABCDEFGHIJ012345",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "rk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCD",
        "DE89370400440532013000",
        "x DE89 3704 0044 0532 0130 00",
        "1DE89370400440532013000",
        "GB82WEST12345698765432",
        "4111111111111111",
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "x4111111111111111",
        "+4915112345678",
        "+(49) 151 1234 5678",
        "AKIAIOSFODNN7EXAMPLE",
        "s.Zk9fXbV2kWpnQy3HdTg1L4mA",
        "hvs.CAESIJlWh2Vm5rdbZ0uE4b8a7s6Q",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",
        "a@b.co",
        "password=x",
        "password:x",
        "13812345678",
        "x13812345678",
        "5 13812345678",
        "5  13812345678",
        "86 138 1234 5678",
        "2026-12-03T14:07:55Z",
        "20130524T000000Z",
        "1234567-8Z",
        "+8613812345678",
        "0086 138 1234 5678",
        "138 1234 5678",
        "11010519491231002X",
        "440306 19900307 1232",
        "110105491231002",
        "92440300MA5EXAMPL7",
        "1 92440300MA5EXAMPL7",
        "192440300MA5EXAMPL7",
        "12345678Z",
        "87654321-X",
        "X1234567L",
        "RSSMRA85T10A562S",
        "6217 0001 2345 6789 019",
        "8171999927660000",
        "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",
        "risk-huG8GP38g4o5MNJAYKJ1T3BlbkFJUXXFWXLCpaNfhs0gCa05",
        "glpat-VT668Nyu0t_aT0ewkMVH",
        "npm_CmXhLELyEHbF8nyUcHDYisp3HurXB3VLbwM3",
        "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",
        "SKbc0fe8bf4347bec1a82eeb3891212e3c",
        "ACef04a403c2580123a49f7ae7c7ad1f75",
        "AKIDAzapmdqWZkHr6xfqk76cnT1OZTJh5CJQ",
        "LTAIHk9HhKxZnLeJkDzZhZgZ",
        "AIzaUxjwGXnBd7EA2qBI_rPUYyttsqheJMwrITq",
        "xapp-1-A1RVHUR2QJ8-4352814497660-abc",
        "rk_prod_3eUUPQGRIX2tENf2GHMuFuQv",
        "tokens=[\"a\"]",
        "otp=1");
  }

  private static void assertTriggered(String text) {
    int triggers = TextTriggers.scan(text);
    for (TextRule rule : RULES) {
      if (!rule.apply(text).equals(text)) {
        assertThat(triggers & rule.triggers())
            .as("%s changes %s but its trigger was not set", rule.getClass().getSimpleName(), text)
            .isNotZero();
      }
    }
  }

  /** The redaction with no prescan: every rule, in order. */
  private static String everyRule(String text) {
    String result = text;
    for (TextRule rule : RULES) {
      result = rule.apply(result);
    }
    return result;
  }
}
