package com.financereport.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.backend.settings.SettingsKeys;
import com.financereport.cli.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the top-level README true: its configuration table holds exactly the keys the service
 * reads ({@link SettingsKeys#ALL}), and its relative links lead to files that exist. The table is
 * read the way {@link GuideConfigurationTableTest} reads the guide's.
 */
class ReadmeConfigurationTableTest {
  private static final String README = "README.md";

  private final Path root = RepositoryRoot.containing(".env.example", README);
  private final Path readme = root.resolve(README);

  private Set<String> documented() throws IOException {
    return GuideConfigurationTableTest.configurationTableKeys(Files.readAllLines(readme));
  }

  @Test
  void configurationTableListsEverySettingsKey() throws IOException {
    Set<String> missing = new TreeSet<>(SettingsKeys.ALL);
    missing.removeAll(documented());

    assertThat(missing).as("SettingsKeys.ALL keys missing from the README's Configuration table").isEmpty();
  }

  @Test
  void configurationTableListsNoKeyTheSettingsDoNotRead() throws IOException {
    Set<String> unknown = new TreeSet<>(documented());
    unknown.removeAll(SettingsKeys.ALL);

    assertThat(unknown).as("keys in the README's Configuration table that no settings class reads").isEmpty();
  }

  @Test
  void everyRelativeLinkPointsToAnExistingFile() throws IOException {
    List<String> broken = new ArrayList<>();
    for (String link : GuideConfigurationTableTest.relativeLinks(Files.readAllLines(readme))) {
      String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
      if (!Files.exists(root.resolve(path).normalize())) {
        broken.add(link);
      }
    }

    assertThat(broken).as("links in the README that point to no file").isEmpty();
  }
}
