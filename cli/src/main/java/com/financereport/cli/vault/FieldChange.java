package com.financereport.cli.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One field of a secret compared before and after an edit. */
public record FieldChange(String key, Kind kind, String newValue) {
  public enum Kind {
    ADDED,
    CHANGED,
    UNCHANGED
  }

  /** The requested fields as they compare with what is stored, sorted by key. */
  public static List<FieldChange> of(Map<String, String> stored, Map<String, String> requested) {
    List<FieldChange> changes = new ArrayList<>();
    new TreeMap<>(requested)
        .forEach(
            (key, value) -> {
              Kind kind =
                  !stored.containsKey(key)
                      ? Kind.ADDED
                      : Objects.equals(stored.get(key), value) ? Kind.UNCHANGED : Kind.CHANGED;
              changes.add(new FieldChange(key, kind, value));
            });
    return changes;
  }

  public String label() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
