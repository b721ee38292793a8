package com.financereport.cli.envcheck;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a Vault agent template (consul-template syntax) renders: every output line of the
 * form {@code KEY=…}. Control lines ({@code {{ with secret … }}}, {@code {{ end }}}), comments and
 * blank lines render no variable and are skipped.
 */
public final class TemplateKeys {
  /** Leading actions such as {@code {{ with secret "x" }}} that may share a line with the output. */
  private static final Pattern LEADING_ACTIONS = Pattern.compile("^(\\{\\{-?.*?-?}}\\s*)+");

  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=");

  private TemplateKeys() {}

  public static Set<String> parse(List<String> lines) {
    Set<String> keys = new LinkedHashSet<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher actions = LEADING_ACTIONS.matcher(line);
      if (actions.find()) {
        line = line.substring(actions.end()).strip();
      }
      Matcher assignment = ASSIGNMENT.matcher(line);
      if (assignment.find()) {
        keys.add(assignment.group(1));
      }
    }
    return keys;
  }
}
