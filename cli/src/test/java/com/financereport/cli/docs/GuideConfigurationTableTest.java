package com.financereport.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.backend.settings.SettingsKeys;
import com.financereport.cli.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/observability.md true: its configuration table names exactly the keys the service
 * reads ({@link SettingsKeys#ALL}), and every relative link in it leads to a file that exists.
 */
class GuideConfigurationTableTest {
  private static final String GUIDE = "docs/observability.md";
  private static final Pattern SECTION = Pattern.compile("^##\\s+(.*)$");
  private static final Pattern KEY_IN_CELL = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
  // [text](target) or ![alt](target); the target ends at whitespace (a title) or ')'.
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  private final Path root = RepositoryRoot.containing(".env.example", GUIDE);
  private final Path guide = root.resolve(GUIDE);

  @Test
  void configurationTableListsEverySettingsKey() throws IOException {
    Set<String> documented = configurationTableKeys(Files.readAllLines(guide));
    assertThat(documented).as("keys in the table of the Configuration section of " + GUIDE).isNotEmpty();

    Set<String> missing = new TreeSet<>(SettingsKeys.ALL);
    missing.removeAll(documented);
    assertThat(missing)
        .as(
            "SettingsKeys.ALL keys missing from the Configuration table of %s: %s",
            GUIDE, String.join(", ", missing))
        .isEmpty();
  }

  @Test
  void configurationTableListsNoKeyTheServiceDoesNotRead() throws IOException {
    Set<String> extra = new TreeSet<>(configurationTableKeys(Files.readAllLines(guide)));
    extra.removeAll(SettingsKeys.ALL);
    assertThat(extra)
        .as("keys in the Configuration table of %s that no setting reads: %s", GUIDE, String.join(", ", extra))
        .isEmpty();
  }

  @Test
  void everyRelativeLinkPointsToAnExistingFile() throws IOException {
    List<String> links = relativeLinks(Files.readAllLines(guide));
    assertThat(links).as("relative links in " + GUIDE).isNotEmpty();

    List<String> broken = new ArrayList<>();
    for (String link : links) {
      String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
      if (!Files.exists(guide.getParent().resolve(path).normalize())) {
        broken.add(link);
      }
    }
    assertThat(broken).as("links in %s that point to no file: %s", GUIDE, broken).isEmpty();
  }

  /** The backticked keys in the first cell of every table row of the "Configuration" section. */
  static Set<String> configurationTableKeys(List<String> lines) {
    Set<String> keys = new LinkedHashSet<>();
    boolean inSection = false;
    boolean inCode = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        continue;
      }
      Matcher heading = SECTION.matcher(line);
      if (heading.matches()) {
        inSection = heading.group(1).trim().startsWith("Configuration");
        continue;
      }
      String row = line.strip();
      if (!inSection || !row.startsWith("|")) {
        continue;
      }
      String[] cells = row.substring(1).split("\\|", -1);
      Matcher key = KEY_IN_CELL.matcher(cells[0]);
      while (key.find()) {
        keys.add(key.group(1));
      }
    }
    return keys;
  }

  /** Link targets outside fenced code that are neither URLs nor in-page anchors. */
  static List<String> relativeLinks(List<String> lines) {
    List<String> links = new ArrayList<>();
    boolean inCode = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        continue;
      }
      Matcher link = LINK.matcher(line);
      while (link.find()) {
        String target = link.group(1);
        if (!target.startsWith("#") && !target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          links.add(target);
        }
      }
    }
    return links;
  }
}
