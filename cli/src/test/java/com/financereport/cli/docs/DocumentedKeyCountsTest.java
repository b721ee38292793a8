package com.financereport.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.backend.settings.SettingsKeys;
import com.financereport.cli.RepositoryRoot;
import com.financereport.cli.envcheck.EnvCheckCommand;
import com.financereport.cli.envcheck.EnvExampleKeys;
import com.financereport.cli.envcheck.TemplateKeys;
import com.financereport.observability.settings.EnvironmentKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every key count the guide and the CLI's README state is the code's: no count is typed by hand
 * and left behind when a key is added (the guide said 41 while the tool counted 43).
 */
class DocumentedKeyCountsTest {
  private static final Pattern SETTINGS_COUNT = Pattern.compile("settings \\((\\d+) keys\\)");
  private static final Pattern SPLIT_COUNT =
      Pattern.compile("(\\d+) keys: the backend's (\\d+) and the library's (\\d+)");
  private static final Pattern TEMPLATE_COUNT =
      Pattern.compile(Pattern.quote(EnvCheckCommand.DEFAULT_TEMPLATE) + " \\((\\d+) keys\\)");
  private static final Pattern ENV_EXAMPLE_COUNT = Pattern.compile("(?<![\\w/-])\\.env\\.example \\((\\d+) keys\\)");

  private final Path root = RepositoryRoot.containing(".env.example", EnvCheckCommand.DEFAULT_TEMPLATE);

  @ParameterizedTest
  @ValueSource(strings = {"docs/observability.md", "cli/README.md"})
  void everyKeyCountIsTheCodes(String document) throws IOException {
    String text = Files.readString(root.resolve(document));
    int template = TemplateKeys.parse(Files.readAllLines(root.resolve(EnvCheckCommand.DEFAULT_TEMPLATE))).size();
    int envExample = EnvExampleKeys.parse(Files.readAllLines(root.resolve(".env.example"))).size();

    List<String> wrong = new ArrayList<>();
    check(text, SETTINGS_COUNT, SettingsKeys.ALL.size(), "settings", wrong);
    check(text, TEMPLATE_COUNT, template, EnvCheckCommand.DEFAULT_TEMPLATE, wrong);
    check(text, ENV_EXAMPLE_COUNT, envExample, ".env.example", wrong);
    Matcher split = SPLIT_COUNT.matcher(text);
    while (split.find()) {
      String expected =
          SettingsKeys.ALL.size() + " keys: the backend's " + SettingsKeys.BACKEND.size()
              + " and the library's " + EnvironmentKeys.ALL.size();
      if (!split.group().equals(expected)) {
        wrong.add("\"" + split.group() + "\" should read \"" + expected + "\"");
      }
    }
    assertThat(wrong).as("key counts in %s that differ from the code", document).isEmpty();
  }

  private static void check(String text, Pattern pattern, int actual, String what, List<String> wrong) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) != actual) {
        wrong.add("\"" + m.group() + "\": " + what + " has " + actual + " keys");
      }
    }
  }
}
