package com.financereport.cli.signoz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignozVersionTest {

  @Test
  void v0117StillUsesPersonalAccessTokens() {
    assertThat(SignozVersion.parse("v0.117.9").usesServiceAccounts()).isFalse();
  }

  @Test
  void v0118UsesServiceAccounts() {
    assertThat(SignozVersion.parse("v0.118.0").usesServiceAccounts()).isTrue();
  }

  @Test
  void aMajorReleaseCountsAsNewer() {
    assertThat(SignozVersion.parse("v1.2.0").hasServiceAccountRolesEndpoint()).isTrue();
  }

  @Test
  void prereleaseSuffixIsIgnored() {
    assertThat(SignozVersion.parse("v0.132.0-rc.1").minor()).isEqualTo(132);
  }
}
