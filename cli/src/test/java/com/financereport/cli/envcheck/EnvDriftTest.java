package com.financereport.cli.envcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvDriftTest {
  private static final Set<String> SETTINGS = Set.of("DATABASE_URL", "PORT", "LOG_LEVEL");

  @Test
  void templateKeyNoSettingReadsIsAnUnusedSecretAndFails() {
    EnvDrift drift = new EnvDrift(Set.of("DATABASE_URL", "OLD_TOKEN"), SETTINGS, SETTINGS);
    assertThat(drift.unusedSecrets()).containsExactly("OLD_TOKEN");
    assertThat(drift.failed()).isTrue();
  }

  @Test
  void settingMissingFromEnvExampleIsUndocumentedAndFails() {
    EnvDrift drift = new EnvDrift(Set.of("DATABASE_URL"), SETTINGS, Set.of("DATABASE_URL", "PORT"));
    assertThat(drift.undocumented()).containsExactly("LOG_LEVEL");
    assertThat(drift.failed()).isTrue();
  }

  @Test
  void documentedKeyNoSettingReadsIsInformationOnly() {
    EnvDrift drift = new EnvDrift(Set.of(), SETTINGS, Set.of("DATABASE_URL", "PORT", "LOG_LEVEL", "X"));
    assertThat(drift.documentedButUnread()).containsExactly("X");
    assertThat(drift.failed()).isFalse();
  }

  @Test
  void settingsWithoutASecretAreInformationOnly() {
    EnvDrift drift = new EnvDrift(Set.of("DATABASE_URL"), SETTINGS, SETTINGS);
    assertThat(drift.notInTemplate()).containsExactly("LOG_LEVEL", "PORT");
    assertThat(drift.failed()).isFalse();
  }

  @Test
  void missingTemplateReportsNoUnusedSecrets() {
    EnvDrift drift = new EnvDrift(null, SETTINGS, SETTINGS);
    assertThat(drift.templateMissing()).isTrue();
    assertThat(drift.unusedSecrets()).isEmpty();
    assertThat(drift.failed()).isFalse();
  }
}
