package com.financereport.observability.internal.spool;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Arrays;

/**
 * Parsed scope-and-resource tails of spool lines, most recently used first, matched against the
 * end of a line without copying it: most records of a service share a handful, so each is parsed
 * once. Bounded: the least recently used tail is forgotten first.
 *
 * <p>Used by one reading thread at a time (the spool reads under its lock).
 */
final class RecentOrigins {
  private final Entry[] entries;
  private int size;

  RecentOrigins(int capacity) {
    this.entries = new Entry[capacity];
  }

  /** The remembered tail the record {@code line[from, to)} ends with, or null. */
  Entry matchingEnd(byte[] line, int from, int to) {
    for (int i = 0; i < size; i++) {
      Entry entry = entries[i];
      int start = to - entry.bytes.length;
      if (start >= from && Arrays.equals(entry.bytes, 0, entry.bytes.length, line, start, to)) {
        if (i > 0) { // move to the front: the next record most likely has the same tail
          System.arraycopy(entries, 0, entries, 1, i);
          entries[0] = entry;
        }
        return entry;
      }
    }
    return null;
  }

  /** Remembers the tail {@code line[from, to)} and what it parses to. */
  Entry remember(byte[] line, int from, int to, Origin origin) {
    Entry entry = new Entry(Arrays.copyOfRange(line, from, to), origin);
    int shift = Math.min(size, entries.length - 1);
    System.arraycopy(entries, 0, entries, 1, shift);
    entries[0] = entry;
    size = shift + 1;
    return entry;
  }

  /** The bytes of a tail (from its leading comma to the end of the record) and their meaning. */
  record Entry(byte[] bytes, Origin origin) {
    int length() {
      return bytes.length;
    }
  }

  /** Where a record comes from: its instrumentation scope and its resource. */
  record Origin(InstrumentationScopeInfo scope, Resource resource) {}
}
