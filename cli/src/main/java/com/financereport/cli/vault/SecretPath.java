package com.financereport.cli.vault;

import com.financereport.cli.ConfigurationException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a KV v2 secret lives: the mount (the first path segment, e.g. {@code secret}) and the path
 * inside it. The HTTP API inserts {@code data/} between the two.
 */
public record SecretPath(String mount, String path) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  /** Splits {@code secret/platform/production/signoz} into mount and path. */
  public static SecretPath parse(String fullPath) {
    String trimmed = fullPath.strip().replaceAll("^/+|/+$", "");
    int slash = trimmed.indexOf('/');
    if (slash <= 0 || slash == trimmed.length() - 1) {
      throw new ConfigurationException(
          "Vault path '" + fullPath + "' needs a mount and a path, e.g. secret/platform/production/signoz");
    }
    return new SecretPath(trimmed.substring(0, slash), trimmed.substring(slash + 1));
  }

  /**
   * Fills a template such as {@code secret/{project}/{env}/{service}}; every placeholder must have
   * a value and no value may contain a slash, so a value cannot move the secret elsewhere.
   */
  public static SecretPath fromTemplate(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder expanded = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new ConfigurationException(
            "path template " + template + " uses {" + matcher.group(1) + "}, which has no value");
      }
      if (value.isBlank() || value.contains("/") || value.contains("..")) {
        throw new ConfigurationException(
            "{" + matcher.group(1) + "} must be a single path segment, got '" + value + "'");
      }
      matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(expanded);
    return parse(expanded.toString());
  }

  @Override
  public String toString() {
    return mount + "/" + path;
  }
}
