package com.financereport.observability.internal.json;

import com.financereport.observability.internal.redaction.RedactionMemo;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.internal.redaction.StructuredValueWalker;
import com.financereport.observability.internal.redaction.ValueSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Renders a key-value or MDC value as typed JSON into a {@link JsonWriter}: the {@link
 * StructuredValueWalker} decides what is written (redaction, depth, cycles, budget), this sink only
 * spells it. Keeps no garbage per value: the comma and rollback state live in fixed arrays. One
 * instance per thread.
 */
public final class StructuredValueWriter implements ValueSink {
  public static final int MAX_DEPTH = StructuredValueWalker.MAX_DEPTH;

  private final StructuredValueWalker walker;
  private JsonWriter out;
  /** Per open container: where it began (to drop it), and whether it has an element yet. */
  private final int[] starts = new int[MAX_DEPTH + 1];
  private final boolean[] hasElement = new boolean[MAX_DEPTH + 1];
  private int depth;
  /** The next value follows a key or replaces a dropped container: no comma before it. */
  private boolean afterKey;

  /** A writer for the calling thread only: it shares the thread's memo of redacted texts. */
  public StructuredValueWriter(Redactor redactor, int maxValueBytes) {
    this(redactor, redactor.threadMemo(), maxValueBytes);
  }

  public StructuredValueWriter(Redactor redactor, RedactionMemo texts, int maxValueBytes) {
    this.walker = new StructuredValueWalker(redactor, texts, maxValueBytes);
  }

  /** Whether a value under this key is written as {@value Redactor#REDACTED}. */
  public boolean isSecretKey(String key) {
    return walker.isSecretKey(key);
  }

  /** A key as written: escaped, length-capped and redacted by shape. Null becomes "null". */
  public void key(JsonWriter out, String key) {
    out.string(walker.key(key), StructuredValueWalker.MAX_KEY_BYTES);
  }

  /** Writes {@code value} stored under {@code key}; a secret key replaces the value whole. */
  public void value(JsonWriter out, String key, Object value) {
    begin(out);
    walker.walk(key, value, this);
  }

  /** Writes a value whose key the caller has checked with {@link #isSecretKey}. */
  public void value(JsonWriter out, Object value) {
    if (value instanceof String text) {
      // Most members are one string (all of MDC): written as the walk would, without its set-up.
      out.string(walker.text(text), walker.maxValueBytes());
      return;
    }
    begin(out);
    walker.walkValue(value, this);
  }

  private void begin(JsonWriter out) {
    if (this.out != out) {
      this.out = out; // the same line buffer every time: no store, no GC barrier, per member
    }
    depth = 0;
    afterKey = true;
  }

  @Override
  public void nullValue() {
    separate();
    out.nullValue();
  }

  @Override
  public void bool(boolean value) {
    separate();
    out.bool(value);
  }

  @Override
  public void number(Number value) {
    separate();
    if (value instanceof Double d) {
      out.number(d.doubleValue());
    } else if (value instanceof Float f) {
      out.number(f.floatValue());
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      out.raw(value.toString().getBytes(StandardCharsets.US_ASCII));
    } else {
      out.number(value.longValue());
    }
  }

  @Override
  public void text(String value, int maxBytes) {
    separate();
    out.string(value, maxBytes);
  }

  @Override
  public void beginMap() {
    open((byte) '{');
  }

  @Override
  public void key(String key, int maxBytes) {
    separate();
    out.string(key, maxBytes);
    out.raw((byte) ':');
    afterKey = true;
  }

  @Override
  public void endMap() {
    out.raw((byte) '}');
    depth--;
  }

  @Override
  public void beginList() {
    open((byte) '[');
  }

  @Override
  public void endList() {
    out.raw((byte) ']');
    depth--;
  }

  @Override
  public void discardOpen() {
    out.truncateTo(starts[depth]);
    depth--;
    afterKey = true;
  }

  private void open(byte bracket) {
    separate();
    depth++;
    starts[depth] = out.size();
    hasElement[depth] = false;
    out.raw(bracket);
  }

  /** The comma between elements of the innermost container. */
  private void separate() {
    if (afterKey) {
      afterKey = false;
    } else if (hasElement[depth]) {
      out.raw((byte) ',');
    }
    hasElement[depth] = true;
  }
}
