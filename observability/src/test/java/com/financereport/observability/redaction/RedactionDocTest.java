package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/redaction.md lists every rule the Redactor runs and every secret key term it knows. */
class RedactionDocTest {
  private static final Pattern TABLE_ROW_ID = Pattern.compile("^\\| `([a-z0-9-]+)` \\|");

  /** The by-key rule is no text rule but is listed first in the table. */
  private static final String SECRET_KEY_RULE = "secret-key";

  @Test
  void theRuleTableListsExactlyTheRulesTheRedactorRuns() throws IOException {
    Set<String> documented = new LinkedHashSet<>();
    for (String line : document().lines().toList()) {
      Matcher row = TABLE_ROW_ID.matcher(line);
      if (row.find()) {
        documented.add(row.group(1));
      }
    }
    List<String> run = new ArrayList<>(List.of(SECRET_KEY_RULE));
    DefaultTextRules.create(new SecretKeyMatcher(List.of())).forEach(rule -> run.add(rule.name()));

    assertThat(documented)
        .as("rule ids in docs/redaction.md, in order")
        .containsExactlyElementsOf(run);
  }

  @Test
  void everySecretKeyTermIsDocumented() throws IOException {
    String document = document();
    List<String> terms = new ArrayList<>(SecretKeyMatcher.STRONG_TERMS);
    terms.addAll(SecretKeyMatcher.WHOLE_WORD_TERMS);

    assertThat(terms)
        .as("secret key terms missing from docs/redaction.md")
        .allMatch(term -> document.contains("`" + term + "`"));
  }

  /** Found from the module directory Maven runs tests in, or from the repository root. */
  private static String document() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path doc = dir.resolve("docs/redaction.md");
      if (Files.isRegularFile(doc)) {
        return Files.readString(doc);
      }
    }
    throw new AssertionError("docs/redaction.md not found above " + Path.of("").toAbsolutePath());
  }
}
