package com.financereport.observability.internal.redaction;

import com.financereport.observability.redaction.Redactor;

/**
 * Receives one structured value from {@link StructuredValueWalker}, already redacted and bounded:
 * every output that keeps structure (the stdout JSON line, the console line, the OTLP attributes,
 * {@link Redactor#redactValue}) renders what the walker hands it and decides nothing itself.
 */
public interface ValueSink {
  void nullValue();

  void bool(boolean value);

  /** An Integer, Long, Short, Byte, AtomicInteger, AtomicLong, Double, Float, BigDecimal or BigInteger. */
  void number(Number value);

  /** Safe text; past {@code maxBytes} UTF-8 bytes it is cut by the rule of {@link Utf8Cut}. */
  void text(String value, int maxBytes);

  void beginMap();

  /** The next member's key, safe, cut like {@link #text} at {@code maxBytes}. */
  void key(String key, int maxBytes);

  void endMap();

  void beginList();

  void endList();

  /**
   * Forgets the innermost open map or list and everything in it: it failed while being read. A
   * marker takes its place next.
   */
  void discardOpen();
}
