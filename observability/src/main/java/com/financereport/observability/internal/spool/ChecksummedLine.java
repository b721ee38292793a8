package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The frame around a spooled record, {@code {"crc32c":"<8 hex>","record":<record>}\n}: the
 * checksum covers the record's bytes exactly as written, so a torn or altered line is caught before
 * it is parsed.
 */
final class ChecksummedLine {
  private static final byte[] PREFIX_START = "{\"crc32c\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREFIX_END = "\",\"record\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PLACEHOLDER = "00000000".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LINE_END = "}\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final int CHECKSUM_DIGITS = PLACEHOLDER.length;
  static final int PREFIX_LENGTH = PREFIX_START.length + CHECKSUM_DIGITS + PREFIX_END.length;

  private ChecksummedLine() {}

  /** Starts a line; the record follows, then {@link #finish}. */
  static void begin(JsonWriter out) {
    out.raw(PREFIX_START);
    out.raw(PLACEHOLDER);
    out.raw(PREFIX_END);
  }

  /** Closes the line begun at {@code mark} and returns it, newline included, checksum filled in. */
  static byte[] finish(JsonWriter out, int mark) {
    out.raw(LINE_END);
    byte[] line = out.copyFrom(mark);
    CRC32C crc = new CRC32C();
    crc.update(line, PREFIX_LENGTH, line.length - PREFIX_LENGTH - LINE_END.length);
    long checksum = crc.getValue();
    for (int digit = CHECKSUM_DIGITS - 1; digit >= 0; digit--) {
      line[PREFIX_START.length + digit] = HEX_DIGITS[(int) (checksum & 0xf)];
      checksum >>>= 4;
    }
    return line;
  }

  /**
   * Checks the frame and checksum of {@code line[offset, offset + length)} (no newline) and returns
   * where the record ends (exclusive); it starts at {@code offset + PREFIX_LENGTH}.
   *
   * @throws CorruptRecordException when the frame or the checksum does not hold
   */
  static int verifiedRecordEnd(byte[] line, int offset, int length) {
    if (length < PREFIX_LENGTH + 3
        || line[offset + length - 1] != '}'
        || !Arrays.equals(line, offset, offset + PREFIX_START.length, PREFIX_START, 0, PREFIX_START.length)
        || !Arrays.equals(
            line, offset + PREFIX_LENGTH - PREFIX_END.length, offset + PREFIX_LENGTH,
            PREFIX_END, 0, PREFIX_END.length)) {
      throw new CorruptRecordException("not a spool line");
    }
    long expected = 0;
    for (int i = 0; i < CHECKSUM_DIGITS; i++) {
      int digit = Character.digit(line[offset + PREFIX_START.length + i], 16);
      if (digit < 0) {
        throw new CorruptRecordException("unreadable checksum");
      }
      expected = (expected << 4) | digit;
    }
    int recordStart = offset + PREFIX_LENGTH;
    int recordEnd = offset + length - 1; // the line's own closing brace follows the record
    CRC32C crc = new CRC32C();
    crc.update(line, recordStart, recordEnd - recordStart);
    if (crc.getValue() != expected) {
      throw new CorruptRecordException("checksum mismatch");
    }
    return recordEnd;
  }
}
