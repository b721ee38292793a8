package com.financereport.observability.settings;

import com.financereport.observability.internal.settings.EnvironmentGuard;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentGuardTest {

  @Test
  void namesThatAgreeAfterAliasesGiveNoError() {
    assertThat(EnvironmentGuard.disagreements(names("--env", "production", "ENVIRONMENT", "prod"))).isEmpty();
  }

  @Test
  void aDeployedEnvironmentNamedTwoWaysIsAnError() {
    assertThat(EnvironmentGuard.disagreements(names("--env", "production", "ENVIRONMENT", "staging")))
        .singleElement()
        .asString()
        .contains("--env=production", "ENVIRONMENT=staging");
  }

  @Test
  void namesOutsideDeployedEnvironmentsMayDiffer() {
    assertThat(EnvironmentGuard.disagreements(names("ENVIRONMENT", "development", "attr", "laptop"))).isEmpty();
  }

  @Test
  void aNameNotGivenIsLeftOut() {
    assertThat(EnvironmentGuard.disagreements(names("ENVIRONMENT", "staging", "attr", " "))).isEmpty();
  }

  @Test
  void aPreviewNumberIsReadAsTextWhateverItsLength() {
    assertThat(EnvironmentGuard.canonical("PR_047")).isEqualTo("pr-47");
    assertThat(EnvironmentGuard.canonical("pr-123456789012345678901234567890")).isEqualTo("pr-123456789012345678901234567890");
  }

  @Test
  void previewsAreDeployed() {
    assertThat(EnvironmentGuard.isDeployed("PR-47")).isTrue();
    assertThat(EnvironmentGuard.isDeployed("development")).isFalse();
    assertThat(EnvironmentGuard.isDeployed("preview")).isFalse();
  }

  private static Map<String, String> names(String... pairs) {
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      names.put(pairs[i], pairs[i + 1]);
    }
    return names;
  }
}
