package com.financereport.observability.settings;

import java.util.List;

/**
 * Extra redaction rules from the environment, added to the defaults (which always apply).
 *
 * @param extraKeys OBSERVABILITY_REDACT_KEYS: comma-separated key names, matched like the defaults
 * @param extraPatterns OBSERVABILITY_REDACT_PATTERNS: regular expressions separated by {@code ;;}
 *     (a regex may contain commas); a pattern that does not compile is skipped with a warning
 */
public record RedactionSettings(List<String> extraKeys, List<String> extraPatterns) {
  public RedactionSettings {
    extraKeys = List.copyOf(extraKeys);
    extraPatterns = List.copyOf(extraPatterns);
  }
}
