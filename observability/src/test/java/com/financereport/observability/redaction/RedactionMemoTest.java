package com.financereport.observability.redaction;

import com.financereport.observability.internal.redaction.RedactionMemo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionMemoTest {
  private final Redactor redactor = Redactor.defaults();
  private final RedactionMemo memo = new RedactionMemo(redactor);

  /** Same length, so they share a slot; alternated, each must still get its own result. */
  private static final List<String> SAME_LENGTH =
      List.of("password=hunter2", "password=hunter3", "nothing to see h", "card 41111111111");

  @Test
  void agreesWithTheRedactorWhenTextsShareASlot() {
    for (int round = 0; round < 3; round++) {
      for (String text : SAME_LENGTH) {
        assertThat(memo.redactText(text)).isEqualTo(redactor.redactText(text));
        // An equal copy, not the same instance, hits the memo and must get the same answer.
        assertThat(memo.redactText(new String(text))).isEqualTo(redactor.redactText(text));
      }
    }
  }

  @Test
  void aRepeatedTextComesBackRedacted() {
    String secret = "login password=hunter2 ok";
    assertThat(memo.redactText(secret)).isEqualTo("login password=[REDACTED] ok");
    assertThat(memo.redactText(secret)).isEqualTo("login password=[REDACTED] ok");
  }

  @Test
  void longTextsAndNullBypassTheMemo() {
    String longText = "x".repeat(300) + " password=hunter2";
    assertThat(memo.redactText(longText)).isEqualTo(redactor.redactText(longText));
    assertThat(memo.redactText(longText)).endsWith("password=[REDACTED]");
    assertThat(memo.redactText(null)).isNull();
    assertThat(memo.redactText("")).isEmpty();
  }

  @Test
  void remembersWhatItRedactedUntilASameLengthTextTakesTheSlot() {
    memo.redactText("password=hunter2");
    assertThat(memo.remembers("password=hunter2")).isTrue();
    assertThat(memo.remembers("password=hunter3")).isFalse();

    memo.redactText("password=hunter3");

    assertThat(memo.remembers("password=hunter2")).isFalse();
    assertThat(memo.remembers(null)).isFalse();
  }

  @Test
  void eachThreadHasOneMemoSharedByEveryOutputOnIt() throws InterruptedException {
    RedactionMemo mine = redactor.threadMemo();
    RedactionMemo[] other = new RedactionMemo[1];
    Thread thread = new Thread(() -> other[0] = redactor.threadMemo());
    thread.start();
    thread.join();

    assertThat(redactor.threadMemo()).isSameAs(mine);
    assertThat(other[0]).isNotNull().isNotSameAs(mine);
  }
}
