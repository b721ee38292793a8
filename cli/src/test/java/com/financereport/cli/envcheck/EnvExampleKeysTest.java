package com.financereport.cli.envcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EnvExampleKeysTest {

  @Test
  void documentedKeysAreTheAssignmentLines() throws Exception {
    Path fixture = Path.of(getClass().getResource("/envcheck/partial.env.example").toURI());
    assertThat(EnvExampleKeys.parse(Files.readAllLines(fixture)))
        .containsExactly("DATABASE_URL", "REDIS_URL", "OLD_FEATURE_FLAG", "PORT");
  }

  @Test
  void commentedOutKeyIsNotDocumented() {
    assertThat(EnvExampleKeys.parse(java.util.List.of("# S3_SECRET_KEY=", "#PORT=1"))).isEmpty();
  }
}
