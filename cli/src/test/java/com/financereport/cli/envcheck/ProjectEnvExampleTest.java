package com.financereport.cli.envcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.backend.settings.SettingsKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Guards CI: the repository's own .env.example documents every key the service reads. It fails
 * until .env.example exists and is complete, by design.
 */
class ProjectEnvExampleTest {

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("cli"))
          && Files.isDirectory(dir.resolve("backend"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("no repository root (with cli/, backend/ and pom.xml) above the module");
  }

  @Test
  void rootEnvExampleDocumentsEverySettingsKey() throws Exception {
    Path envExample = repositoryRoot().resolve(".env.example");
    assertThat(envExample).as("the repository's .env.example").isRegularFile();
    assertThat(EnvExampleKeys.parse(Files.readAllLines(envExample)))
        .containsAll(SettingsKeys.ALL);
  }
}
