package com.financereport.observability.internal.export;

import com.financereport.observability.internal.wire.ProtoReader;
import com.financereport.observability.internal.wire.ProtoReader.MalformedMessage;

/**
 * How an export ends when the collector answered with an HTTP status other than 2xx. The message
 * names the status, the reason phrase when the HTTP client has one that is more than the number,
 * and the collector's own words: the {@code message} of the {@code google.rpc.Status} body the
 * OTLP/HTTP spec has it send with an error.
 */
public final class CollectorAnswerException extends Exception {
  private static final int STATUS_MESSAGE = 2; // google/rpc/status.proto
  private static final int MAX_MESSAGE_CHARS = 512;

  private final int statusCode;

  private CollectorAnswerException(int statusCode, String message) {
    super(message, null, false, false);
    this.statusCode = statusCode;
  }

  static CollectorAnswerException of(int statusCode, String reasonPhrase, byte[] body) {
    StringBuilder message = new StringBuilder("the collector answered HTTP ").append(statusCode);
    if (reasonPhrase != null
        && !reasonPhrase.isBlank()
        && !reasonPhrase.strip().equals(Integer.toString(statusCode))) {
      message.append(' ').append(reasonPhrase.strip());
    }
    String said = statusMessage(body);
    if (!said.isEmpty()) {
      message.append(": ").append(said);
    }
    return new CollectorAnswerException(statusCode, message.toString());
  }

  public int statusCode() {
    return statusCode;
  }

  /**
   * The {@code message} of a binary {@code google.rpc.Status}, cut and with control characters
   * replaced, since it ends up in a log line; empty when the body is absent or is not one.
   */
  private static String statusMessage(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String found = "";
    try {
      ProtoReader status = new ProtoReader(body);
      while (status.hasMore()) {
        int tag = status.varint32();
        if (tag >>> 3 == STATUS_MESSAGE && (tag & 7) == ProtoReader.LENGTH_DELIMITED) {
          found = status.string();
        } else {
          status.skip(tag & 7);
        }
      }
    } catch (MalformedMessage e) {
      return "";
    }
    StringBuilder printable = new StringBuilder(Math.min(found.length(), MAX_MESSAGE_CHARS));
    for (int i = 0; i < found.length() && printable.length() < MAX_MESSAGE_CHARS; i++) {
      char c = found.charAt(i);
      printable.append(Character.isISOControl(c) ? ' ' : c);
    }
    return printable.toString().strip();
  }
}
