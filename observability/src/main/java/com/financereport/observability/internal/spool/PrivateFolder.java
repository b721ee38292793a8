package com.financereport.observability.internal.spool;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders that hold spooled records (redacted, but still about users): created owner-only (0700),
 * missing parents included, and made owner-only at start when someone widened them.
 */
final class PrivateFolder {
  private static final Logger logger = LoggerFactory.getLogger(PrivateFolder.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private PrivateFolder() {}

  static void ensure(Path folder) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(folder)) {
      if (posix) {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createDirectories(folder);
      }
    }
    if (!posix) {
      return;
    }
    Set<PosixFilePermission> found = Files.getPosixFilePermissions(folder);
    if (found.equals(OWNER_ONLY)) {
      return;
    }
    String was = PosixFilePermissions.toString(found);
    try {
      Files.setPosixFilePermissions(folder, OWNER_ONLY);
      logger.warn(
          "The log spool folder {} was open to other users ({}); it is owner-only (rwx------) now",
          folder,
          was);
    } catch (IOException | SecurityException e) {
      logger.warn(
          "The log spool folder {} is open to other users ({}) and could not be made owner-only"
              + " ({}): other accounts may read the spooled records; fix its permissions or set"
              + " OBSERVABILITY_SPOOL_DIR",
          folder,
          was,
          e.toString());
    }
  }
}
