package com.financereport.observability.redaction;

import com.financereport.observability.internal.redaction.RedactedCopy;
import com.financereport.observability.internal.redaction.StructuredValueWalker;
import com.financereport.observability.internal.redaction.Utf8Cut;
import com.financereport.observability.internal.redaction.ValueMarkers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StructuredValueWalkerTest {
  private final Redactor redactor = Redactor.defaults();

  @Test
  void textsAreRedactedThroughTheThreadsMemoTheOtherOutputsShare() {
    String requestId = UUID.randomUUID().toString();
    RedactedCopy copy = new RedactedCopy();

    new StructuredValueWalker(redactor, redactor.threadMemo(), 1024).walk("id", requestId, copy);

    assertThat(copy.result()).isEqualTo(requestId);
    assertThat(redactor.threadMemo().remembers(requestId)).isTrue();
  }

  @Test
  void aListStopsAtTheValueBudgetWithATruncationMarker() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      items.add("0123456789");
    }
    RedactedCopy copy = new RedactedCopy();

    new StructuredValueWalker(redactor, redactor.threadMemo(), 100).walk("items", items, copy);

    // Ten texts of 10 bytes spend the budget of 100; the eleventh passes it.
    List<?> written = (List<?>) copy.result();
    assertThat(written).hasSize(12);
    assertThat(written.get(11)).isEqualTo(ValueMarkers.TRUNCATED);
  }

  @Test
  void aLoneTextIsCutByItsLimitNotCountedAgainstABudget() {
    RedactedCopy copy = new RedactedCopy();

    new StructuredValueWalker(redactor, redactor.threadMemo(), 10).walk("note", "é".repeat(20), copy);

    assertThat(copy.result()).isEqualTo("é".repeat(5) + Utf8Cut.MARKER);
  }

  @Test
  void aSecretKeyWithANullValueStaysNull() {
    RedactedCopy copy = new RedactedCopy();

    new StructuredValueWalker(redactor, redactor.threadMemo(), 100)
        .walk("v", java.util.Collections.singletonMap("password", null), copy);

    assertThat(copy.result()).isEqualTo(java.util.Collections.singletonMap("password", null));
  }
}
