package com.financereport.observability.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hand-written decoder against bodies the official opentelemetry-proto classes encode. */
class PartialSuccessTest {

  private static byte[] response(long rejected, String message) {
    return ExportLogsServiceResponse.newBuilder()
        .setPartialSuccess(
            ExportLogsPartialSuccess.newBuilder()
                .setRejectedLogRecords(rejected)
                .setErrorMessage(message))
        .build()
        .toByteArray();
  }

  @Test
  void anEmptyResponseIsAFullSuccess() {
    byte[] empty = ExportLogsServiceResponse.getDefaultInstance().toByteArray();

    assertThat(PartialSuccess.decode(empty)).isEqualTo(PartialSuccess.NONE);
    assertThat(PartialSuccess.decode(null)).isEqualTo(PartialSuccess.NONE);
  }

  @Test
  void readsTheRejectedCountAndTheMessage() {
    assertThat(PartialSuccess.decode(response(3, "attribute too long")))
        .isEqualTo(new PartialSuccess(3, "attribute too long"));
  }

  @Test
  void readsCountsBeyondThirtyTwoBits() {
    assertThat(PartialSuccess.decode(response(5_000_000_000L, "")).rejected())
        .isEqualTo(5_000_000_000L);
  }

  @Test
  void aMessageWithoutRejectionsIsAWarningNotARefusal() {
    assertThat(PartialSuccess.decode(response(0, "deprecated field used")))
        .isEqualTo(new PartialSuccess(0, "deprecated field used"));
  }

  @Test
  void readsNonAsciiMessages() {
    assertThat(PartialSuccess.decode(response(1, "Größe überschritten ✓")).errorMessage())
        .isEqualTo("Größe überschritten ✓");
  }

  @Test
  void skipsFieldsItDoesNotKnow() {
    UnknownFieldSet unknown =
        UnknownFieldSet.newBuilder()
            .addField(7, UnknownFieldSet.Field.newBuilder().addVarint(99).build())
            .addField(8, UnknownFieldSet.Field.newBuilder().addFixed64(1L).build())
            .addField(9, UnknownFieldSet.Field.newBuilder().addFixed32(1).build())
            .addField(
                10,
                UnknownFieldSet.Field.newBuilder()
                    .addLengthDelimited(ByteString.copyFromUtf8("future"))
                    .build())
            .build();
    byte[] body =
        ExportLogsServiceResponse.newBuilder()
            .setUnknownFields(unknown)
            .setPartialSuccess(
                ExportLogsPartialSuccess.newBuilder()
                    .setRejectedLogRecords(2)
                    .setUnknownFields(unknown))
            .build()
            .toByteArray();

    assertThat(PartialSuccess.decode(body)).isEqualTo(new PartialSuccess(2, ""));
  }

  @Test
  void aRepeatedPartialSuccessMergesAsProtobufDoes() throws IOException {
    byte[] first = response(1, "first");
    byte[] second =
        ExportLogsServiceResponse.newBuilder()
            .setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(4))
            .build()
            .toByteArray();
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(first);
    both.write(second);

    PartialSuccess decoded = PartialSuccess.decode(both.toByteArray());

    assertThat(decoded)
        .isEqualTo(new PartialSuccess(4, "first"))
        .isEqualTo(toRecord(ExportLogsServiceResponse.parseFrom(both.toByteArray())));
  }

  @Test
  void aNegativeCountIsNotARefusal() {
    assertThat(PartialSuccess.decode(response(-1, "odd")).rejected()).isZero();
  }

  @Test
  void aTruncatedBodyIsTreatedAsTheSuccessTheStatusSaid() {
    byte[] body = response(3, "attribute too long");
    for (int length = 1; length < body.length; length++) {
      assertThat(PartialSuccess.decode(Arrays.copyOf(body, length)))
          .as("first %d bytes", length)
          .isEqualTo(PartialSuccess.NONE);
    }
  }

  @Test
  void bytesThatAreNotAMessageAreTreatedAsTheSuccessTheStatusSaid() throws IOException {
    ByteArrayOutputStream group = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(group);
    out.writeTag(1, 3); // start group: not used by OTLP
    out.flush();

    assertThat(PartialSuccess.decode(group.toByteArray())).isEqualTo(PartialSuccess.NONE);
    assertThat(PartialSuccess.decode("not protobuf at all".getBytes()))
        .isEqualTo(PartialSuccess.NONE);
    byte[] endlessVarint = new byte[16];
    Arrays.fill(endlessVarint, (byte) 0xff);
    assertThat(PartialSuccess.decode(endlessVarint)).isEqualTo(PartialSuccess.NONE);
    assertThat(PartialSuccess.decode(new byte[] {0x0a, (byte) 0xff, (byte) 0xff, 0x7f}))
        .as("a length beyond the body")
        .isEqualTo(PartialSuccess.NONE);
  }

  private static PartialSuccess toRecord(ExportLogsServiceResponse response) {
    return new PartialSuccess(
        response.getPartialSuccess().getRejectedLogRecords(),
        response.getPartialSuccess().getErrorMessage());
  }
}
