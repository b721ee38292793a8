package com.financereport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void versionIsTheOneTheBuildDeclares() throws Exception {
    Path pom = RepositoryRoot.containing("cli/pom.xml").resolve("cli/pom.xml");
    Matcher parentVersion =
        Pattern.compile("(?s)<parent>.*?<version>([^<]+)</version>").matcher(Files.readString(pom));
    assertThat(parentVersion.find()).as("cli/pom.xml names its parent's version").isTrue();

    CliRun run = CliRun.run(Path.of("."), Map.of(), "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("obs " + parentVersion.group(1));
  }
}
