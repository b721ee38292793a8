package com.financereport.observability.internal.export;

import java.nio.charset.StandardCharsets;

/**
 * The {@code partial_success} of a collector's {@code ExportLogsServiceResponse}: how many records
 * of an accepted request it refused, and why. The OTLP spec says such records are not retried, but
 * counted.
 *
 * <p>Decoded here, from the protobuf wire format, rather than with the generated
 * opentelemetry-proto classes: the message has two fields, and the generated classes would put
 * protobuf-java on every adopting service's class path for them. Tests check this decoder against
 * bodies the official classes encode.
 *
 * @param rejected {@code rejected_log_records}; 0 when the whole request was accepted
 * @param errorMessage {@code error_message}, empty when the collector gave none
 */
public record PartialSuccess(long rejected, String errorMessage) {
  /** Everything was accepted. */
  public static final PartialSuccess NONE = new PartialSuccess(0, "");

  private static final int RESPONSE_PARTIAL_SUCCESS = 1;
  private static final int PARTIAL_SUCCESS_REJECTED_LOG_RECORDS = 1;
  private static final int PARTIAL_SUCCESS_ERROR_MESSAGE = 2;
  private static final int WIRE_VARINT = 0;
  private static final int WIRE_FIXED64 = 1;
  private static final int WIRE_LENGTH_DELIMITED = 2;
  private static final int WIRE_FIXED32 = 5;

  /**
   * Reads a binary {@code ExportLogsServiceResponse}. An empty or missing body means full success,
   * as the spec says; so does a body that is not a valid message, since the collector answered 2xx
   * and the SDK counts that as delivered.
   */
  public static PartialSuccess decode(byte[] body) {
    if (body == null || body.length == 0) {
      return NONE;
    }
    try {
      PartialSuccess found = NONE;
      Reader response = new Reader(body, 0, body.length);
      while (response.hasMore()) {
        int tag = response.varint32();
        if (tag >>> 3 == RESPONSE_PARTIAL_SUCCESS && (tag & 7) == WIRE_LENGTH_DELIMITED) {
          found = decodePartialSuccess(response.message(), found);
        } else {
          response.skip(tag & 7);
        }
      }
      return found.rejected() < 0 ? new PartialSuccess(0, found.errorMessage()) : found;
    } catch (MalformedMessage e) {
      return NONE;
    }
  }

  /** Fields of a repeated message merge, the last value of each winning, as in protobuf. */
  private static PartialSuccess decodePartialSuccess(Reader message, PartialSuccess merged)
      throws MalformedMessage {
    long rejected = merged.rejected();
    String errorMessage = merged.errorMessage();
    while (message.hasMore()) {
      int tag = message.varint32();
      int field = tag >>> 3;
      int wireType = tag & 7;
      if (field == PARTIAL_SUCCESS_REJECTED_LOG_RECORDS && wireType == WIRE_VARINT) {
        rejected = message.varint64();
      } else if (field == PARTIAL_SUCCESS_ERROR_MESSAGE && wireType == WIRE_LENGTH_DELIMITED) {
        errorMessage = message.string();
      } else {
        message.skip(wireType);
      }
    }
    return new PartialSuccess(rejected, errorMessage);
  }

  private static final class MalformedMessage extends Exception {
    MalformedMessage() {
      super(null, null, false, false);
    }
  }

  /** A cursor over one message's bytes; every read checks its bounds. */
  private static final class Reader {
    private final byte[] bytes;
    private final int end;
    private int position;

    Reader(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.position = start;
      this.end = end;
    }

    boolean hasMore() {
      return position < end;
    }

    long varint64() throws MalformedMessage {
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

    int varint32() throws MalformedMessage {
      long value = varint64();
      if (value < 0 || value > Integer.MAX_VALUE) {
        throw new MalformedMessage();
      }
      return (int) value;
    }

    Reader message() throws MalformedMessage {
      int length = length();
      Reader inner = new Reader(bytes, position, position + length);
      position += length;
      return inner;
    }

    String string() throws MalformedMessage {
      int length = length();
      String value = new String(bytes, position, length, StandardCharsets.UTF_8);
      position += length;
      return value;
    }

    void skip(int wireType) throws MalformedMessage {
      switch (wireType) {
        case WIRE_VARINT -> varint64();
        case WIRE_FIXED64 -> advance(8);
        case WIRE_LENGTH_DELIMITED -> advance(length());
        case WIRE_FIXED32 -> advance(4);
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
  }
}
