package com.financereport.cli.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.financereport.cli.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretPathTest {

  @Test
  void firstSegmentIsTheMount() {
    assertThat(SecretPath.parse("secret/platform/production/signoz"))
        .isEqualTo(new SecretPath("secret", "platform/production/signoz"));
  }

  @Test
  void templatePlaceholdersAreFilled() {
    assertThat(SecretPath.fromTemplate("secret/{project}/{env}", Map.of("project", "fr", "env", "pr-47")))
        .hasToString("secret/fr/pr-47");
  }

  @Test
  void valueWithASlashCannotMoveTheSecret() {
    assertThatThrownBy(() -> SecretPath.fromTemplate("secret/{env}", Map.of("env", "../other")))
        .isInstanceOf(ConfigurationException.class);
  }
}
