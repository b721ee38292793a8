package com.financereport.observability.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rows of {@link RedactionCorpusTest}'s table, read from the table itself so that every test
 * of every output (stdout JSON, console, OTLP, spool) runs the same cases and none can drift.
 */
public final class RedactionCorpus {
  private static final Pattern LABEL =
      Pattern.compile("\\[(?:REDACTED|EMAIL|CARD|IBAN|PHONE|ID_NUMBER)]");

  private RedactionCorpus() {}

  /** One row: the text logged, and the text every output must carry instead. */
  public record Case(String input, String expected) {
    /** A look-alike that must come back unchanged. */
    public boolean keeps() {
      return input.equals(expected);
    }

    /** What each label in {@link #expected} stands for in {@link #input}, in order. */
    public List<Removal> removals() {
      if (keeps()) {
        return List.of();
      }
      List<String> labels = new ArrayList<>();
      StringBuilder shape = new StringBuilder("^");
      Matcher label = LABEL.matcher(expected);
      int copied = 0;
      while (label.find()) {
        shape.append(Pattern.quote(expected.substring(copied, label.start()))).append("(.+?)");
        labels.add(label.group());
        copied = label.end();
      }
      shape.append(Pattern.quote(expected.substring(copied))).append('$');
      Matcher parts = Pattern.compile(shape.toString(), Pattern.DOTALL).matcher(input);
      if (!parts.matches()) {
        throw new AssertionError("the expected text does not follow its input: " + this);
      }
      List<Removal> removals = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        removals.add(new Removal(labels.get(i), parts.group(i + 1)));
      }
      return removals;
    }
  }

  /** A piece of input text and the label that replaces it. */
  public record Removal(String label, String text) {}

  public static List<Case> cases() {
    String table;
    try {
      table =
          RedactionCorpusTest.class
              .getDeclaredMethod("redactsSecretsAndKeepsLookAlikes", String.class, String.class)
              .getAnnotation(CsvSource.class)
              .textBlock();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the corpus table moved", e);
    }
    List<Case> cases = new ArrayList<>();
    for (String line : table.lines().map(String::strip).toList()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int arrow = line.indexOf(" => ");
      String input = unquote(line.substring(0, arrow).strip());
      String expected = unquote(line.substring(arrow + 4).strip());
      cases.add(new Case(input, RedactionCorpusTest.SAME.equals(expected) ? input : expected));
    }
    return List.copyOf(cases);
  }

  private static String unquote(String cell) {
    return cell.startsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
  }
}
