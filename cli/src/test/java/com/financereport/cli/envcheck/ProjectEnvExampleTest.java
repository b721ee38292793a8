package com.financereport.cli.envcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.backend.settings.SettingsKeys;
import com.financereport.cli.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Guards CI: the repository's own .env.example documents every key the service reads. It fails
 * until .env.example exists and is complete, by design.
 */
class ProjectEnvExampleTest {

  @Test
  void rootEnvExampleDocumentsEverySettingsKey() throws Exception {
    Path envExample = RepositoryRoot.containing("cli", "backend", "pom.xml").resolve(".env.example");
    assertThat(envExample).as("the repository's .env.example").isRegularFile();
    assertThat(EnvExampleKeys.parse(Files.readAllLines(envExample)))
        .containsAll(SettingsKeys.ALL);
  }
}
