package com.financereport.cli.vault;

import java.util.Map;
import java.util.TreeMap;

/** A KV v2 secret as read: its fields and the version a check-and-set write must name. */
public record VersionedSecret(Map<String, String> data, int version) {
  public VersionedSecret {
    data = java.util.Collections.unmodifiableMap(new TreeMap<>(data));
  }

  /** The state before the first write: no fields, and cas 0 means "only if absent". */
  public static VersionedSecret absent() {
    return new VersionedSecret(Map.of(), 0);
  }
}
