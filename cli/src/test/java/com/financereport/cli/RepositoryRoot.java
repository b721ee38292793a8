package com.financereport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Finds the repository checkout from a test's working directory (the module folder under Maven). */
public final class RepositoryRoot {
  private RepositoryRoot() {}

  /**
   * The nearest directory, from the working directory upwards, that holds every given relative
   * path (file or folder).
   */
  public static Path containing(String... markers) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir;
      if (Arrays.stream(markers).allMatch(marker -> Files.exists(candidate.resolve(marker)))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new AssertionError(
        "no repository root holding " + String.join(", ", markers) + " above " + Path.of("").toAbsolutePath());
  }
}
