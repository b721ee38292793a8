package com.financereport.observability.internal.wire;

import java.io.IOException;
import java.io.OutputStream;
import static com.financereport.observability.internal.wire.ProtoReader.FIXED32;
import static com.financereport.observability.internal.wire.ProtoReader.FIXED64;
import static com.financereport.observability.internal.wire.ProtoReader.LENGTH_DELIMITED;
import static com.financereport.observability.internal.wire.ProtoReader.VARINT;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Protobuf's wire format, written back to front into one growing byte array: a message's fields
 * are written last field first, and a nested message's length is known when its contents are
 * done, so it is written in one pass with no size computed beforehand and no object per field.
 * Scalars equal to their default are left out, as proto3 does; {@code oneof} members are written
 * even when they hold their default, so that the reader sees which one is set.
 *
 * <p>Not thread-safe: one writer per request being encoded.
 */
public final class ProtoWriter {

  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LITTLE_ENDIAN_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** A varint's length in bytes by the number of leading zero bits of its 64-bit value. */
  private static final int[] VARINT_LENGTHS = new int[65];
  private static final byte[] HEX_VALUES = new byte[128];

  static {
    for (int zeros = 0; zeros <= 64; zeros++) {
      int bits = 64 - zeros;
      VARINT_LENGTHS[zeros] = bits == 0 ? 1 : (bits + 6) / 7;
    }
    java.util.Arrays.fill(HEX_VALUES, (byte) -1);
    for (int digit = 0; digit < 10; digit++) {
      HEX_VALUES['0' + digit] = (byte) digit;
    }
    for (int digit = 0; digit < 6; digit++) {
      HEX_VALUES['a' + digit] = (byte) (10 + digit);
      HEX_VALUES['A' + digit] = (byte) (10 + digit);
    }
  }

  /** What a writer keeps between requests at most: a batch of 2048 typical records is ~1 MiB. */
  static final int MAX_KEPT_CAPACITY = 8 << 20;

  private final int initialCapacity;
  private byte[] buffer;
  private int position; // the bytes written are buffer[position, capacity)
  private int capacity; // buffer.length, kept at hand
  private char[] scratch = new char[256];

  public ProtoWriter(int initialCapacity) {
    this.initialCapacity = Math.max(64, initialCapacity);
    buffer = new byte[this.initialCapacity];
    capacity = buffer.length;
    position = capacity;
  }

  /** The buffer's size now, for tests of what is kept. */
  int capacity() {
    return capacity;
  }

  /** How many bytes are written so far. */
  public int size() {
    return capacity - position;
  }

  /**
   * Forgets what was written, keeping the buffer unless an exceptional request grew it past
   * {@link #MAX_KEPT_CAPACITY}: a batch of stack traces must not stay on an export thread's heap.
   */
  public void reset() {
    if (capacity > MAX_KEPT_CAPACITY) {
      buffer = new byte[initialCapacity];
      capacity = initialCapacity;
    }
    position = capacity;
    if (scratch.length > MAX_KEPT_CAPACITY / 2) {
      scratch = new char[256];
    }
  }

  /** The message written so far, front to back. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(buffer, position, size());
  }

  /** A copy of the message written so far. */
  public byte[] toByteArray() {
    byte[] copy = new byte[size()];
    System.arraycopy(buffer, position, copy, 0, copy.length);
    return copy;
  }

  /** Where a nested message's contents end; pass it to {@link #endMessage}. */
  public int mark() {
    return size();
  }

  /** Closes the nested message whose contents were written since {@code mark}, as {@code field}. */
  public void endMessage(int field, int mark) {
    rawVarint(size() - mark);
    tag(field, LENGTH_DELIMITED);
  }

  public void fixed64(int field, long value) {
    if (value != 0) {
      fixed64Always(field, value);
    }
  }

  public void fixed64Always(int field, long value) {
    ensure(8);
    position -= 8;
    LITTLE_ENDIAN_LONG.set(buffer, position, value);
    tag(field, FIXED64);
  }

  public void fixed32(int field, int value) {
    if (value != 0) {
      ensure(4);
      position -= 4;
      LITTLE_ENDIAN_INT.set(buffer, position, value);
      tag(field, FIXED32);
    }
  }

  /** An {@code int64}, {@code uint32} or enum field; negative values take ten bytes, as in protobuf. */
  public void varint(int field, long value) {
    if (value != 0) {
      varintAlways(field, value);
    }
  }

  /** A {@code uint32} field (a dropped count), left out when 0; a negative int reads as its uint32. */
  public void uint32(int field, int value) {
    varint(field, value & 0xFFFFFFFFL);
  }

  public void varintAlways(int field, long value) {
    rawVarint(value);
    tag(field, VARINT);
  }

  public void bool(int field, boolean value) {
    ensure(1);
    buffer[--position] = (byte) (value ? 1 : 0);
    tag(field, VARINT);
  }

  /** A string field, left out when null or empty. */
  public void string(int field, String value) {
    if (value != null && !value.isEmpty()) {
      stringAlways(field, value);
    }
  }

  public void stringAlways(int field, String value) {
    int end = size();
    utf8(value);
    endMessage(field, end);
  }

  /** Bytes already in wire form (a tag and its field, say), as they are. */
  public void raw(byte[] encoded) {
    ensure(encoded.length);
    position -= encoded.length;
    System.arraycopy(encoded, 0, buffer, position, encoded.length);
  }

  /** The wire form of a string field on its own, for a caller that writes it often. */
  static byte[] encodedString(int field, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    int tag = (field << 3) | LENGTH_DELIMITED;
    int head = varintLength(tag) + varintLength(utf8.length);
    byte[] encoded = new byte[head + utf8.length];
    int at = putVarint(encoded, putVarint(encoded, 0, tag), utf8.length);
    System.arraycopy(utf8, 0, encoded, at, utf8.length);
    return encoded;
  }

  /** Writes {@code value} as a varint at {@code at}; returns the index after it. */
  private static int putVarint(byte[] into, int at, long value) {
    while ((value & ~0x7FL) != 0) {
      into[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    into[at++] = (byte) value;
    return at;
  }

  public void bytes(int field, ByteBuffer value) {
    ByteBuffer source = value.duplicate();
    int length = source.remaining();
    ensure(length);
    position -= length;
    source.get(buffer, position, length);
    endMessage(field, size() - length);
  }

  /**
   * A {@code bytes} field from its lowercase or uppercase hex text (a trace or span id), left out
   * when null.
   */
  public void hexBytes(int field, String hex) {
    if (hex == null) {
      return;
    }
    int length = hex.length() / 2;
    char[] digits = chars(hex);
    ensure(length);
    position -= length;
    int invalid = 0;
    for (int i = 0, at = position; i < length; i++, at++) {
      int high = hexDigit(digits[2 * i]);
      int low = hexDigit(digits[2 * i + 1]);
      invalid |= high | low;
      buffer[at] = (byte) ((high << 4) | low);
    }
    if (invalid < 0) {
      position += length;
      throw new IllegalArgumentException("not a hex id: " + hex);
    }
    endMessage(field, size() - length);
  }

  /** The digit's value, or -1. */
  private static int hexDigit(char c) {
    return c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
  }

  private void tag(int field, int wireType) {
    int tag = (field << 3) | wireType;
    if (tag < 0x80) {
      ensure(1);
      buffer[--position] = (byte) tag;
    } else {
      rawVarint(tag);
    }
  }

  private void rawVarint(long value) {
    if ((value & ~0x7FL) == 0) {
      ensure(1);
      buffer[--position] = (byte) value;
      return;
    }
    if ((value & ~0x3FFFL) == 0) {
      ensure(2);
      position -= 2;
      buffer[position] = (byte) (value | 0x80);
      buffer[position + 1] = (byte) (value >>> 7);
      return;
    }
    int length = varintLength(value);
    ensure(length);
    position -= length;
    putVarint(buffer, position, value);
  }

  private static int varintLength(long value) {
    return VARINT_LENGTHS[Long.numberOfLeadingZeros(value)];
  }

  /** The string's UTF-8 bytes, as {@link String#getBytes} gives them (a lone surrogate is "?"). */
  private void utf8(String value) {
    int length = value.length();
    char[] text = chars(value);
    ensure(length);
    int start = position - length;
    byte[] bytes = buffer;
    int high = 0;
    for (int i = 0; i < length; i++) {
      char c = text[i];
      high |= c;
      bytes[start + i] = (byte) c;
    }
    if (high < 0x80) {
      position = start;
      return;
    }
    byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
    ensure(encoded.length);
    position -= encoded.length;
    System.arraycopy(encoded, 0, buffer, position, encoded.length);
  }

  /** The string's chars in a scratch array, valid until the next call: no bounds check per char. */
  private char[] chars(String value) {
    int length = value.length();
    if (scratch.length < length) {
      scratch = new char[Math.max(length, scratch.length * 2)];
    }
    value.getChars(0, length, scratch, 0);
    return scratch;
  }

  private void ensure(int more) {
    if (position < more) {
      int used = size();
      int grownCapacity = Math.max(capacity * 2, used + more + 64);
      byte[] grown = new byte[grownCapacity];
      System.arraycopy(buffer, position, grown, grownCapacity - used, used);
      buffer = grown;
      capacity = grownCapacity;
      position = grownCapacity - used;
    }
  }
}
