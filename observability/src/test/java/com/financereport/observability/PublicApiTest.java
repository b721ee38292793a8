package com.financereport.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the library's public surface what the README's "Public API" table says it is: every public
 * top-level type outside an {@code internal} package is listed there, and every listed type exists
 * and is public. A new public class therefore needs a decision, not an accident.
 */
class PublicApiTest {
  private static final Pattern LISTED = Pattern.compile("`(com\\.financereport\\.observability\\.[\\w.]+)`");

  @Test
  void everyPublicTypeOutsideInternalIsListedInTheReadme() throws Exception {
    Set<String> unlisted = new TreeSet<>(publicTypesOutsideInternal());
    unlisted.removeAll(listedInReadme());

    assertThat(unlisted)
        .as("public types outside ...internal that README's Public API table does not list")
        .isEmpty();
  }

  @Test
  void everyTypeTheReadmeListsIsPublicAndOutsideInternal() throws Exception {
    Set<String> stale = new TreeSet<>(listedInReadme());
    stale.removeAll(publicTypesOutsideInternal());

    assertThat(stale)
        .as("types README's Public API table lists that are missing, internal or not public")
        .isEmpty();
  }

  private static Set<String> listedInReadme() throws IOException {
    Path readme = Path.of("..", "README.md");
    List<String> lines = Files.readAllLines(readme);
    int start = lines.indexOf("## Public API");
    assertThat(start).as("README.md has a '## Public API' section").isNotNegative();
    Set<String> listed = new TreeSet<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher m = LISTED.matcher(line);
      while (m.find()) {
        listed.add(m.group(1));
      }
    }
    assertThat(listed).as("types listed in README's Public API section").isNotEmpty();
    return listed;
  }

  private static Set<String> publicTypesOutsideInternal() throws IOException, URISyntaxException {
    Path classes = Path.of(Observability.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = classes.relativize(file).toString().replace('\\', '/');
        if (!relative.endsWith(".class") || relative.contains("$") || relative.endsWith("package-info.class")) {
          continue;
        }
        String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        if (name.contains(".internal.")) {
          continue;
        }
        try {
          Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
          if (Modifier.isPublic(type.getModifiers())) {
            found.add(name);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          throw new AssertionError("cannot load " + name, e);
        }
      }
    }
    return found;
  }
}
