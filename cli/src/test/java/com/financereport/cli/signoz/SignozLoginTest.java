package com.financereport.cli.signoz;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignozLoginTest {
  private SignozFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
  }

  private SignozFixture startWithUser(String version) {
    fixture = new SignozFixture(version);
    fixture.signoz.addUser("admin@example.com", "correct horse");
    fixture.env.remove("SIGNOZ_API_KEY");
    fixture.env.put("SIGNOZ_EMAIL", "admin@example.com");
    return fixture;
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.95.0", "v0.117.1", "v0.132.2"})
  void emailAndPasswordLogInOnEveryVersion(String version) {
    SignozFixture f = startWithUser(version);
    f.env.put("SIGNOZ_PASSWORD", "correct horse");
    CliRun run = f.apiKey("list");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void passwordCanComeFromStdin() {
    SignozFixture f = startWithUser("v0.132.2");
    CliRun run =
        CliRun.runWithStdin(Path.of("."), f.env, "correct horse\n", "signoz", "api-key", "list", "--password-stdin");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void wrongPasswordIsOneLineWith401() {
    SignozFixture f = startWithUser("v0.117.1");
    f.env.put("SIGNOZ_PASSWORD", "wrong");
    CliRun run = f.apiKey("list");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("obs: SigNoz POST /api/v2/sessions/email_password failed: HTTP 401 unauthenticated: invalid email or password");
  }

  @Test
  void noCredentialsIsAConfigurationError() {
    SignozFixture f = startWithUser("v0.117.1");
    f.env.remove("SIGNOZ_EMAIL");
    CliRun run = f.apiKey("list");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no SigNoz credentials");
  }

  @Test
  void missingUrlIsAConfigurationError() {
    fixture = new SignozFixture("v0.117.1");
    fixture.env.remove("SIGNOZ_URL");
    CliRun run = fixture.apiKey("list");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("pass --url or set SIGNOZ_URL");
  }

  @Test
  void releaseWithBothLoginsFallsBackWhenTheSessionApiIsMissing() {
    SignozFixture f = startWithUser("v0.105.0");
    f.env.put("SIGNOZ_PASSWORD", "correct horse");
    f.signoz.failNext("GET", "/api/v2/sessions/context", 404, "route not found");
    CliRun run = f.apiKey("list");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(f.signoz.server().requests()).anyMatch(r -> r.path().equals("/api/v1/login"));
  }
}
