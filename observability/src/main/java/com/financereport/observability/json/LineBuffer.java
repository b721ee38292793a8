package com.financereport.observability.json;

import com.financereport.observability.internal.json.JsonWriter;
import com.financereport.observability.internal.json.StructuredValueWriter;
import com.financereport.observability.internal.redaction.RedactionMemo;
import com.financereport.observability.redaction.Redactor;

/**
 * Per-thread state of the JSON encoder (created on, and used by, one thread): the output buffer,
 * the value renderer, the timestamp
 * cache and the user keys already written on the current line (to resolve clashes).
 */
final class LineBuffer {
  final JsonWriter out = new JsonWriter(1024);
  final EventTimestamp timestamp = new EventTimestamp();
  /** This thread's memo of redacted texts and its event view, shared with the other outputs. */
  final RedactionMemo texts;
  private final StructuredValueWriter values;
  /** Encoded {@code "name":} of keys seen before on this thread, and whether their values are secret. */
  private final java.util.HashMap<String, EncodedKey> keys = new java.util.HashMap<>();
  /** The same for logger and thread names, which repeat on every event. */
  private final java.util.HashMap<String, byte[]> names = new java.util.HashMap<>();
  private static final int CACHE_LIMIT = 512;
  private static final byte[] REDACTED_VALUE =
      ("\"" + Redactor.REDACTED + "\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private String[] written = new String[16];
  private Object[] writtenValues = new Object[16];
  private int writtenCount;

  private final java.util.Set<String> reserved;

  /** @param reserved the names of the line's own members, which a user key never takes */
  LineBuffer(Redactor redactor, int maxValueBytes, java.util.Set<String> reserved) {
    this.texts = redactor.threadMemo();
    this.values = new StructuredValueWriter(redactor, texts, maxValueBytes);
    this.reserved = reserved;
  }

  void clear() {
    for (int i = 0; i < writtenCount; i++) {
      written[i] = null;
      writtenValues[i] = null;
    }
    writtenCount = 0;
  }

  /**
   * Appends one user member. A key that clashes with a fixed member or an earlier user key gets
   * {@code prefix} (and a counter if still taken). Returns false, leaving the line as it was, when
   * the member would pass {@code lineLimit}.
   */
  boolean member(String rawKey, String prefix, Object value, int lineLimit) {
    String key = rawKey == null ? "null" : rawKey;
    int earlier = indexOf(key);
    if (earlier >= 0 && value != null && value.equals(writtenValues[earlier])) {
      return true; // the same member again (e.g. a request id both in MDC and a key-value)
    }
    // Only keys written under their own name are cached, so a hit on a key not yet on this line
    // is its name: no need to check it against the fixed members again.
    EncodedKey encoded = earlier < 0 ? keys.get(key) : null;
    String name = encoded != null ? key : uniqueName(key, prefix);
    int mark = out.size();
    out.raw((byte) ',');
    if (encoded == null) {
      int start = out.size();
      values.key(out, name);
      out.raw((byte) ':');
      encoded = new EncodedKey(out.copyFrom(start), values.isSecretKey(key));
      if (keys.size() < CACHE_LIMIT && name.equals(key)) {
        keys.put(name, encoded);
      }
    } else {
      out.raw(encoded.bytes);
    }
    if (encoded.secret && value != null) {
      out.raw(REDACTED_VALUE);
    } else {
      values.value(out, value);
    }
    if (out.size() > lineLimit) {
      out.truncateTo(mark);
      return false;
    }
    remember(name, value);
    return true;
  }

  /** Writes a logger or thread name as a JSON string, from this thread's cache when seen before. */
  void name(String text, int maxBytes) {
    byte[] encoded = names.get(text);
    if (encoded == null) {
      int start = out.size();
      out.string(text, maxBytes);
      if (names.size() < CACHE_LIMIT) {
        names.put(text, out.copyFrom(start));
      }
      return;
    }
    out.raw(encoded);
  }

  private record EncodedKey(byte[] bytes, boolean secret) {}

  private String uniqueName(String key, String prefix) {
    if (!reserved.contains(key) && !isWritten(key)) {
      return key;
    }
    String candidate = prefix + key;
    for (int n = 2; reserved.contains(candidate) || isWritten(candidate); n++) {
      candidate = prefix + key + "." + n;
    }
    return candidate;
  }

  private boolean isWritten(String name) {
    return indexOf(name) >= 0;
  }

  private int indexOf(String name) {
    int hash = name.hashCode(); // cached in the String: most comparisons end here
    for (int i = 0; i < writtenCount; i++) {
      String other = written[i];
      if (other == name || (other.hashCode() == hash && other.equals(name))) {
        return i;
      }
    }
    return -1;
  }

  /** Records a member already on the line, so an identical user member is not repeated. */
  void remember(String name, Object value) {
    if (writtenCount == written.length) {
      written = java.util.Arrays.copyOf(written, written.length * 2);
      writtenValues = java.util.Arrays.copyOf(writtenValues, writtenValues.length * 2);
    }
    writtenValues[writtenCount] = value;
    written[writtenCount++] = name;
  }
}
