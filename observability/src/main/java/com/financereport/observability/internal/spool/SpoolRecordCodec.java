package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.json.JsonWriter;
import io.opentelemetry.sdk.logs.data.LogRecordData;

/**
 * One log record as one checksummed line of JSON ({@link ChecksummedLine} around the object of
 * {@link SpoolRecordWriter}), and back ({@link SpoolRecordReader}). The layout is described in the
 * guide, "Spool file format".
 */
final class SpoolRecordCodec {
  private static final ThreadLocal<JsonWriter> LINE_BUFFER =
      ThreadLocal.withInitial(() -> new JsonWriter(1024));

  private final SpoolRecordWriter writer = new SpoolRecordWriter();
  private final SpoolRecordReader reader = new SpoolRecordReader();

  /** The full line, newline included, as UTF-8. */
  byte[] encodeLine(LogRecordData record) {
    JsonWriter out = LINE_BUFFER.get();
    out.reset(); // also lets go of a buffer one huge record grew
    ChecksummedLine.begin(out);
    writer.write(out, record);
    return ChecksummedLine.finish(out, 0);
  }

  /**
   * Rebuilds the record from one line (without its newline).
   *
   * @throws CorruptRecordException when the checksum fails or the JSON does not describe a record
   */
  LogRecordData decodeLine(byte[] line, int offset, int length) {
    int recordEnd = ChecksummedLine.verifiedRecordEnd(line, offset, length);
    return reader.read(line, offset + ChecksummedLine.PREFIX_LENGTH, recordEnd);
  }
}
