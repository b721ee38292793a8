package com.financereport.observability.internal.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One append-only file of spooled lines, {@code segment-<sequence>.jsonl}. The newest segment is
 * open for writing; older ones are sealed and only read, then deleted once fully delivered.
 */
final class SpoolSegment {
  static final String PREFIX = "segment-";
  static final String SUFFIX = ".jsonl";
  private static final int READ_CHUNK = 256 * 1024;

  private final long sequence;
  private final Path path;
  private FileChannel writer;
  private long bytes;
  private long lines;
  private long firstObservedNanos;

  private SpoolSegment(long sequence, Path path, FileChannel writer, long bytes, long lines) {
    this.sequence = sequence;
    this.path = path;
    this.writer = writer;
    this.bytes = bytes;
    this.lines = lines;
  }

  /** Starts a new, empty segment; fails if the file already exists. */
  static SpoolSegment create(Path directory, long sequence) throws IOException {
    Path path = directory.resolve(fileName(sequence));
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new SpoolSegment(sequence, path, channel, 0, 0);
  }

  /** A segment left by an earlier run, sealed: this run never appends after a possibly torn tail. */
  static SpoolSegment existing(Path path, long sequence) throws IOException {
    long size = Files.size(path);
    SpoolSegment segment = new SpoolSegment(sequence, path, null, size, 0);
    segment.lines = segment.countLines(0, size);
    return segment;
  }

  static String fileName(long sequence) {
    return PREFIX + String.format("%016d", sequence) + SUFFIX;
  }

  /** The sequence in a segment file name, or -1 when the name is not a segment's. */
  static long sequenceOf(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  long sequence() {
    return sequence;
  }

  Path path() {
    return path;
  }

  long bytes() {
    return bytes;
  }

  long lines() {
    return lines;
  }

  boolean writable() {
    return writer != null;
  }

  long firstObservedNanos() {
    return firstObservedNanos;
  }

  void firstObservedNanos(long nanos) {
    this.firstObservedNanos = nanos;
  }

  /** Writes whole lines; on failure the caller seals the segment so a partial line ends it. */
  void append(ByteBuffer data, int lineCount) throws IOException {
    while (data.hasRemaining()) {
      bytes += writer.write(data);
    }
    lines += lineCount;
  }

  /** Cuts the file back to {@code length}, undoing a write that failed part-way (a full disk). */
  void truncate(long length) throws IOException {
    writer.truncate(length);
    bytes = length;
  }

  void force() throws IOException {
    if (writer != null) {
      writer.force(false);
    }
  }

  /** Forces and closes the writer; the segment becomes read-only. */
  void seal() {
    if (writer == null) {
      return;
    }
    try {
      writer.force(false);
    } catch (IOException ignored) {
      // Sealing happens on roll, failure and shutdown; a failed force leaves what the kernel has.
    }
    try {
      writer.close();
    } catch (IOException ignored) {
      // Nothing more to release.
    }
    writer = null;
  }

  void delete() throws IOException {
    seal();
    Files.deleteIfExists(path);
  }

  /** Lines read from {@code offset}: whole lines only, plus whether a torn tail ended the file. */
  record Read(List<byte[]> lines, long endOffset, boolean tornTail) {}

  Read read(long offset, int maxLines) throws IOException {
    List<byte[]> result = new ArrayList<>();
    long position = offset;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long end = Math.min(bytes, channel.size());
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(READ_CHUNK, Math.max(1, end - offset)));
      while (result.size() < maxLines && position < end) {
        buffer.clear();
        buffer.limit((int) Math.min(buffer.capacity(), end - position));
        readFully(channel, buffer, position);
        byte[] chunk = buffer.array();
        int filled = buffer.position();
        int lineStart = 0;
        for (int i = 0; i < filled && result.size() < maxLines; i++) {
          if (chunk[i] == '\n') {
            byte[] line = new byte[i - lineStart];
            System.arraycopy(chunk, lineStart, line, 0, line.length);
            result.add(line);
            lineStart = i + 1;
          }
        }
        if (lineStart == 0 && result.size() < maxLines) {
          if (position + filled >= end) {
            // No newline before the end of the file: the tail of a write a crash cut short.
            return new Read(result, end, true);
          }
          buffer = ByteBuffer.allocate(buffer.capacity() * 2); // a line longer than the buffer
          continue;
        }
        position += lineStart;
      }
    }
    return new Read(result, position, false);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        break;
      }
    }
  }

  /** Counts complete lines plus a torn tail, so acknowledgements add up to the total. */
  long countLines(long from, long to) throws IOException {
    long count = 0;
    boolean pending = false;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
      long position = from;
      while (position < to) {
        buffer.clear();
        buffer.limit((int) Math.min(buffer.capacity(), to - position));
        int read = channel.read(buffer, position);
        if (read <= 0) {
          break;
        }
        byte[] chunk = buffer.array();
        for (int i = 0; i < read; i++) {
          if (chunk[i] == '\n') {
            count++;
            pending = false;
          } else {
            pending = true;
          }
        }
        position += read;
      }
    }
    return pending ? count + 1 : count;
  }
}
