package com.financereport.cli.envcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvDriftTest {
  private static final Set<String> SETTINGS = Set.of("DATABASE_URL", "PORT", "LOG_LEVEL", "ENV");
  private static final Set<String> DEPLOYED = Set.of("DATABASE_URL", "PORT", "LOG_LEVEL");
  private static final Set<String> RENDERED = DEPLOYED;

  @Test
  void templateKeyNoSettingReadsIsAnUnusedSecretAndFails() {
    EnvDrift drift = new EnvDrift(Set.of("DATABASE_URL", "PORT", "LOG_LEVEL", "OLD_TOKEN"), SETTINGS, DEPLOYED, SETTINGS);
    assertThat(drift.unusedSecrets()).containsExactly("OLD_TOKEN");
    assertThat(drift.failed()).isTrue();
  }

  @Test
  void settingMissingFromEnvExampleIsUndocumentedAndFails() {
    EnvDrift drift = new EnvDrift(RENDERED, SETTINGS, DEPLOYED, Set.of("DATABASE_URL", "PORT", "ENV"));
    assertThat(drift.undocumented()).containsExactly("LOG_LEVEL");
    assertThat(drift.failed()).isTrue();
  }

  @Test
  void documentedKeyNoSettingReadsIsInformationOnly() {
    EnvDrift drift = new EnvDrift(RENDERED, SETTINGS, DEPLOYED, Set.of("DATABASE_URL", "PORT", "LOG_LEVEL", "ENV", "X"));
    assertThat(drift.documentedButUnread()).containsExactly("X");
    assertThat(drift.failed()).isFalse();
  }

  @Test
  void aKeyADeployedServiceReadsThatTheTemplateDoesNotRenderFails() {
    EnvDrift drift = new EnvDrift(Set.of("DATABASE_URL"), SETTINGS, DEPLOYED, SETTINGS);
    assertThat(drift.notRendered()).containsExactly("LOG_LEVEL", "PORT");
    assertThat(drift.failed()).isTrue();
  }

  @Test
  void anAliasTheTemplateDoesNotRenderIsInformationOnly() {
    EnvDrift drift = new EnvDrift(RENDERED, SETTINGS, DEPLOYED, SETTINGS);
    assertThat(drift.notInTemplate()).containsExactly("ENV");
    assertThat(drift.failed()).isFalse();
  }

  @Test
  void aMissingTemplateFails() {
    EnvDrift drift = new EnvDrift(null, SETTINGS, DEPLOYED, SETTINGS);
    assertThat(drift.templateMissing()).isTrue();
    assertThat(drift.errorCount()).isEqualTo(1);
    assertThat(drift.failed()).isTrue();
  }
}
