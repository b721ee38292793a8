package com.financereport.observability.internal.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * How far delivery got: {@code segment=<sequence> offset=<byte>} in the file {@code checkpoint},
 * replaced atomically after each delivered batch. A lost or unreadable checkpoint only means
 * records are sent again (at-least-once), never that records are lost.
 */
final class SpoolCheckpoint {
  static final String FILE_NAME = "checkpoint";

  record Position(long segmentSequence, long offset) {}

  private final Path file;
  private final Path temporary;

  SpoolCheckpoint(Path directory) {
    this.file = directory.resolve(FILE_NAME);
    this.temporary = directory.resolve(FILE_NAME + ".tmp");
  }

  Optional<Position> read() {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      long segment = -1;
      long offset = -1;
      for (String field : text.split("\\s+")) {
        if (field.startsWith("segment=")) {
          segment = Long.parseLong(field.substring("segment=".length()));
        } else if (field.startsWith("offset=")) {
          offset = Long.parseLong(field.substring("offset=".length()));
        }
      }
      return segment >= 0 && offset >= 0
          ? Optional.of(new Position(segment, offset))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Rename is atomic on POSIX file systems: a crash leaves the old or the new position whole. */
  void write(Position position) throws IOException {
    Files.writeString(
        temporary,
        "segment=" + position.segmentSequence() + " offset=" + position.offset() + "\n",
        StandardCharsets.US_ASCII);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
