package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.json.JsonWriter;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import org.slf4j.Logger;

/**
 * Records the collector refused for good, kept for a human to inspect: {@code dead-letter.jsonl}
 * in the spool directory, one line per record, the spool's line with the reason and time in front:
 * {@code {"reason":"HTTP 400","at":"…","crc32c":"…","record":{…}}}. Bounded: beyond {@code
 * maxBytes} the file moves to {@code dead-letter.1.jsonl} (replacing the previous one), so at most
 * twice the bound is kept. Never retried.
 */
final class DeadLetterFile {
  static final String FILE_NAME = "dead-letter.jsonl";
  static final String PREVIOUS_FILE_NAME = "dead-letter.1.jsonl";
  private final Logger logger;

  private final java.util.function.Supplier<Path> folder;
  private final long maxBytes;
  private final SpoolRecordCodec codec;
  private final SpoolCounters counters;
  private boolean rejectionReported;
  private boolean failureReported;

  /** {@code folder} is the spool's instance folder, or null while the spool cannot be used. */
  DeadLetterFile(
      java.util.function.Supplier<Path> folder,
      long maxBytes,
      SpoolRecordCodec codec,
      SpoolCounters counters,
      Logger logger) {
    this.logger = logger;
    this.folder = folder;
    this.maxBytes = maxBytes;
    this.codec = codec;
    this.counters = counters;
  }

  /**
   * Appends a batch the collector refused {@code refused} records of: all of it, or, for a partial
   * success, some it does not name, so the whole batch is kept and the reason says how many. Counts
   * the {@code refused} as dead-lettered, and warns on the first refusal only. Returns false (and
   * warns once) when the batch could not be written.
   */
  synchronized boolean append(Collection<LogRecordData> records, long refused, String reason) {
    counters.deadLettered.addAndGet(refused);
    Path where = folder.get();
    Path file = where == null ? Path.of(FILE_NAME) : where.resolve(FILE_NAME);
    if (!rejectionReported) {
      rejectionReported = true;
      logger.warn(
          "The collector refused {} log record(s) for good ({}); they are not retried. The batch"
              + " and any later refusals are kept in {}",
          refused,
          reason,
          file);
    }
    byte[] headerBytes = header(reason);
    try {
      if (where == null) {
        throw new IOException("the spool folder cannot be used");
      }
      if (Files.exists(file) && Files.size(file) > maxBytes) {
        Files.move(file, where.resolve(PREVIOUS_FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
      }
      try (FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        for (LogRecordData record : records) {
          byte[] line = codec.encodeLine(record);
          ByteBuffer buffer = ByteBuffer.allocate(headerBytes.length + line.length - 1);
          buffer.put(headerBytes).put(line, 1, line.length - 1).flip();
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        }
      }
      return true;
    } catch (IOException e) {
      if (!failureReported) {
        failureReported = true;
        logger.warn("Could not write refused log records to {}: {}", file, e.toString());
      }
      return false;
    }
  }

  /** {@code {"reason":…,"at":"…",}: the spool line, whose own opening brace is left off, follows. */
  private static byte[] header(String reason) {
    JsonWriter out = new JsonWriter(128);
    out.raw("{\"reason\":".getBytes(StandardCharsets.US_ASCII));
    out.string(reason, Integer.MAX_VALUE);
    out.raw(",\"at\":".getBytes(StandardCharsets.US_ASCII));
    out.string(Instant.now().toString(), Integer.MAX_VALUE);
    out.raw((byte) ',');
    return out.toByteArray();
  }
}
