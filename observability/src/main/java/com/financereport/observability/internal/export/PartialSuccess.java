package com.financereport.observability.internal.export;

import com.financereport.observability.internal.wire.ProtoReader;
import com.financereport.observability.internal.wire.ProtoReader.MalformedMessage;

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
      ProtoReader response = new ProtoReader(body);
      while (response.hasMore()) {
        int tag = response.varint32();
        if (tag >>> 3 == RESPONSE_PARTIAL_SUCCESS && (tag & 7) == ProtoReader.LENGTH_DELIMITED) {
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
  private static PartialSuccess decodePartialSuccess(ProtoReader message, PartialSuccess merged)
      throws MalformedMessage {
    long rejected = merged.rejected();
    String errorMessage = merged.errorMessage();
    while (message.hasMore()) {
      int tag = message.varint32();
      int field = tag >>> 3;
      int wireType = tag & 7;
      if (field == PARTIAL_SUCCESS_REJECTED_LOG_RECORDS && wireType == ProtoReader.VARINT) {
        rejected = message.varint64();
      } else if (field == PARTIAL_SUCCESS_ERROR_MESSAGE && wireType == ProtoReader.LENGTH_DELIMITED) {
        errorMessage = message.string();
      } else {
        message.skip(wireType);
      }
    }
    return new PartialSuccess(rejected, errorMessage);
  }
}
