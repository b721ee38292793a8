package com.financereport.observability.internal.wire;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over one protobuf message's bytes, for the collector's small answers (a partial
 * success, an error status): every read checks its bounds, and a message that does not parse ends
 * in {@link MalformedMessage} rather than an index error.
 */
public final class ProtoReader {
  public static final int VARINT = 0;
  public static final int FIXED64 = 1;
  public static final int LENGTH_DELIMITED = 2;
  public static final int FIXED32 = 5;

  private final byte[] bytes;
  private final int end;
  private int position;

  public ProtoReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ProtoReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  public boolean hasMore() {
    return position < end;
  }

  public long varint64() throws MalformedMessage {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw new MalformedMessage();
      }
      byte b = bytes[position++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new MalformedMessage();
  }

  public int varint32() throws MalformedMessage {
    long value = varint64();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new MalformedMessage();
    }
    return (int) value;
  }

  /** The embedded message that follows, as a reader of its own; this one moves past it. */
  public ProtoReader message() throws MalformedMessage {
    int length = length();
    ProtoReader inner = new ProtoReader(bytes, position, position + length);
    position += length;
    return inner;
  }

  public String string() throws MalformedMessage {
    int length = length();
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  /** Moves past a field of {@code wireType} whose tag was just read. */
  public void skip(int wireType) throws MalformedMessage {
    switch (wireType) {
      case VARINT -> varint64();
      case FIXED64 -> advance(8);
      case LENGTH_DELIMITED -> advance(length());
      case FIXED32 -> advance(4);
      default -> throw new MalformedMessage(); // groups (3, 4) are not used by OTLP
    }
  }

  private int length() throws MalformedMessage {
    int length = varint32();
    if (length > end - position) {
      throw new MalformedMessage();
    }
    return length;
  }

  private void advance(int count) throws MalformedMessage {
    if (count > end - position) {
      throw new MalformedMessage();
    }
    position += count;
  }

  /** The bytes are not a protobuf message. */
  public static final class MalformedMessage extends Exception {
    MalformedMessage() {
      super(null, null, false, false);
    }
  }
}
