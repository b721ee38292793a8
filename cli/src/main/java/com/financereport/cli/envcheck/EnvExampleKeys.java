package com.financereport.cli.envcheck;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a {@code .env.example} documents: its {@code KEY=} lines. A commented-out
 * {@code # KEY=} line does not document the key, because a developer copying the file would not
 * get it.
 */
public final class EnvExampleKeys {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=");

  private EnvExampleKeys() {}

  public static Set<String> parse(List<String> lines) {
    Set<String> keys = new LinkedHashSet<>();
    for (String raw : lines) {
      Matcher assignment = ASSIGNMENT.matcher(raw.strip());
      if (assignment.find()) {
        keys.add(assignment.group(1));
      }
    }
    return keys;
  }
}
