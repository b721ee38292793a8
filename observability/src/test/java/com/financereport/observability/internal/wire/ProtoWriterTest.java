package com.financereport.observability.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The writer's scalars, read back with protobuf-java's own reader. */
class ProtoWriterTest {
  @Test
  void varintsOfEveryLengthReadBackAsWritten() throws IOException {
    long[] values = {
      1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, Integer.MAX_VALUE, 1L << 35, 1L << 56,
      Long.MAX_VALUE, -1, Long.MIN_VALUE
    };
    for (long value : values) {
      ProtoWriter out = new ProtoWriter(64);
      out.varintAlways(3, value);

      CodedInputStream in = CodedInputStream.newInstance(out.toByteArray());
      assertThat(in.readTag()).isEqualTo(tag(3, WireFormat.WIRETYPE_VARINT));
      assertThat(in.readInt64()).as("varint %d", value).isEqualTo(value);
      assertThat(in.isAtEnd()).isTrue();
    }
  }

  @Test
  void fieldNumbersPastFifteenTakeATwoByteTag() throws IOException {
    ProtoWriter out = new ProtoWriter(64);
    out.fixed32(16, 0x301);

    CodedInputStream in = CodedInputStream.newInstance(out.toByteArray());
    assertThat(in.readTag()).isEqualTo(tag(16, WireFormat.WIRETYPE_FIXED32));
    assertThat(in.readFixed32()).isEqualTo(0x301);
  }

  @Test
  void stringsOfAnyScriptAndHexIdsReadBackAsWritten() throws IOException {
    String text = "ascii, then naïve — 日本語 𝄞";
    ProtoWriter out = new ProtoWriter(64);
    out.hexBytes(2, "00f067aa0ba902b7");
    out.stringAlways(1, text);

    CodedInputStream in = CodedInputStream.newInstance(out.toByteArray());
    in.readTag();
    assertThat(in.readBytes().toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    in.readTag();
    assertThat(in.readBytes().toByteArray())
        .containsExactly(0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7);
  }

  @Test
  void anIdThatIsNotHexIsRefusedAndLeavesNothingWritten() {
    ProtoWriter out = new ProtoWriter(64);
    out.stringAlways(1, "kept");
    int before = out.size();

    assertThatThrownBy(() -> out.hexBytes(2, "00f067aa0ba902bz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("00f067aa0ba902bz");
    assertThat(out.size()).isEqualTo(before);
  }

  @Test
  void aBufferGrownByAnExceptionalRequestIsNotKeptAfterIt() {
    ProtoWriter out = new ProtoWriter(1024);
    out.stringAlways(1, "x".repeat(ProtoWriter.MAX_KEPT_CAPACITY + 1));
    assertThat(out.capacity()).isGreaterThan(ProtoWriter.MAX_KEPT_CAPACITY);

    out.reset();

    assertThat(out.capacity()).isEqualTo(1024);
    assertThat(out.size()).isZero();
  }

  @Test
  void aBufferOfOrdinaryRequestsIsKept() {
    ProtoWriter out = new ProtoWriter(64);
    out.stringAlways(1, "x".repeat(100_000));
    int grown = out.capacity();

    out.reset();

    assertThat(out.capacity()).isEqualTo(grown);
  }

  private static int tag(int field, int wireType) {
    return (field << 3) | wireType;
  }
}
