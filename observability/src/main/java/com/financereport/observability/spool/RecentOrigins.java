package com.financereport.observability.spool;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed scope-and-resource tails of spool lines, looked up by their bytes without copying them:
 * most records of a service share a handful, so each is parsed once. Bounded: past {@code limit}
 * entries it starts over.
 */
final class RecentOrigins {
  private final int limit;
  private final ConcurrentHashMap<Integer, Entry> byHash = new ConcurrentHashMap<>();

  RecentOrigins(int limit) {
    this.limit = limit;
  }

  /** The origin remembered for exactly these bytes, or null. */
  Origin lookup(byte[] line, int from, int to) {
    Entry entry = byHash.get(hash(line, from, to));
    if (entry != null && Arrays.equals(entry.bytes, 0, entry.bytes.length, line, from, to)) {
      return entry.origin;
    }
    return null;
  }

  void remember(byte[] line, int from, int to, Origin origin) {
    if (byHash.size() >= limit) {
      byHash.clear();
    }
    byHash.put(hash(line, from, to), new Entry(Arrays.copyOfRange(line, from, to), origin));
  }

  private static int hash(byte[] line, int from, int to) {
    int hash = 1;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + line[i];
    }
    return hash;
  }

  private record Entry(byte[] bytes, Origin origin) {}

  /** Where a record comes from: its instrumentation scope and its resource. */
  record Origin(InstrumentationScopeInfo scope, Resource resource) {}
}
