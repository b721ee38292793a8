package com.financereport.observability.internal.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for naming a deployment. Known aliases are read as one name ({@code prod} is {@code
 * production}, {@code stage} is {@code staging}, {@code PR_47} is {@code pr-47}), and in a deployed
 * environment (production, staging, pr-N) every place that names it must agree: a disagreement files
 * logs under the wrong environment, a wrong deploy. The service applies it when it reads its
 * settings; {@code obs env set} applies it before it writes a secret.
 */
public final class EnvironmentGuard {
  public static final String PRODUCTION = "production";
  public static final String STAGING = "staging";

  private static final Pattern PREVIEW = Pattern.compile("^pr[-_ ]?(\\d+)$");

  private EnvironmentGuard() {}

  /** The canonical name: trimmed, lower case, aliases resolved; null stays null. */
  public static String canonical(String name) {
    if (name == null) {
      return null;
    }
    String lower = name.strip().toLowerCase(Locale.ROOT);
    Matcher preview = PREVIEW.matcher(lower);
    if (preview.matches()) {
      // Leading zeros dropped as text: a number too long for a long must not make settings throw.
      return "pr-" + preview.group(1).replaceFirst("^0+(?=\\d)", "");
    }
    return switch (lower) {
      case "prod", PRODUCTION -> PRODUCTION;
      case "stage", STAGING -> STAGING;
      default -> lower;
    };
  }

  /** Whether the name is a deployed environment: production, staging or a preview pr-N. */
  public static boolean isDeployed(String name) {
    String canonical = canonical(name);
    return PRODUCTION.equals(canonical)
        || STAGING.equals(canonical)
        || (canonical != null && PREVIEW.matcher(canonical).matches());
  }

  /**
   * The error when the given names of one deployment disagree and one of them is deployed; empty
   * otherwise.
   *
   * @param names where each name comes from (e.g. "ENVIRONMENT", "--env") to the name given there;
   *     null or blank names were not given and are left out
   */
  public static List<String> disagreements(Map<String, String> names) {
    Map<String, String> given = new LinkedHashMap<>();
    names.forEach(
        (source, name) -> {
          if (name != null && !name.isBlank()) {
            given.put(source, name.strip());
          }
        });
    Set<String> distinct = new LinkedHashSet<>();
    given.values().forEach(name -> distinct.add(canonical(name)));
    if (distinct.size() < 2 || distinct.stream().noneMatch(EnvironmentGuard::isDeployed)) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    given.forEach((source, name) -> parts.add(source + "=" + name));
    // Starts with the first source, as every settings message starts with the variable it is about.
    return List.of(
        String.join(", ", parts)
            + " name different environments: logs would be filed under the wrong environment");
  }
}
