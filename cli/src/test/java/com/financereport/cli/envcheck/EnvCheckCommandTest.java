package com.financereport.cli.envcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.backend.settings.SettingsKeys;
import com.financereport.cli.CliRun;
import com.financereport.cli.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * obs env check against a copy of the repository's template (with an unused secret added where a
 * test says so) and a .env.example built from SettingsKeys.ALL.
 */
class EnvCheckCommandTest {
  @TempDir Path project;

  @BeforeEach
  void copyFixtureTemplate() throws Exception {
    Path repositoryTemplate =
        RepositoryRoot.containing(EnvCheckCommand.DEFAULT_TEMPLATE).resolve(EnvCheckCommand.DEFAULT_TEMPLATE);
    Files.copy(repositoryTemplate, project.resolve("secrets.ctmpl"));
  }

  private void writeEnvExampleWithout(String... missing) throws Exception {
    var skip = java.util.Set.of(missing);
    String body =
        SettingsKeys.ALL.stream()
            .filter(k -> !skip.contains(k))
            .map(k -> k + "=")
            .collect(Collectors.joining("\n", "# example\n", "\n"));
    Files.writeString(project.resolve(".env.example"), body);
  }

  private void addUnusedSecretToTemplate() throws Exception {
    Files.writeString(
        project.resolve("secrets.ctmpl"),
        "{{ with secret \"secret/data/legacy\" }}LEGACY_API_TOKEN={{ .Data.data.t }}{{ end }}\n",
        java.nio.file.StandardOpenOption.APPEND);
  }

  private CliRun check(String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "env";
    args[1] = "check";
    System.arraycopy(extra, 0, args, 2, extra.length);
    return CliRun.run(project, Map.of(), withTemplate(args));
  }

  private static String[] withTemplate(String[] args) {
    if (java.util.Arrays.asList(args).contains("--template")) {
      return args;
    }
    String[] withTemplate = java.util.Arrays.copyOf(args, args.length + 2);
    withTemplate[args.length] = "--template";
    withTemplate[args.length + 1] = "secrets.ctmpl";
    return withTemplate;
  }

  @Test
  void projectWithoutDriftPasses() throws Exception {
    writeEnvExampleWithout();
    CliRun run = check();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("OK no drift");
  }

  @Test
  void secretNoSettingReadsFailsTheCheck() throws Exception {
    writeEnvExampleWithout();
    addUnusedSecretToTemplate();
    CliRun run = check();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("ERROR\\s+unused-secret\\s+LEGACY_API_TOKEN");
  }

  @Test
  void settingMissingFromEnvExampleFailsTheCheck() throws Exception {
    writeEnvExampleWithout("REDIS_URL");
    CliRun run = check();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("ERROR\\s+undocumented\\s+REDIS_URL");
  }

  @Test
  void aMissingTemplateFailsTheCheck() throws Exception {
    writeEnvExampleWithout();
    CliRun run = check("--template", "nowhere.ctmpl");
    assertThat(run.exitCode()).as("a check that cannot see the template must not pass").isEqualTo(1);
    assertThat(run.err()).contains("error: template nowhere.ctmpl not found");
    assertThat(run.out()).contains("FAIL 1 error(s)").doesNotContain("OK");
  }

  @Test
  void theDefaultTemplateIsTheRepositorysOwn() throws Exception {
    writeEnvExampleWithout();
    CliRun run = CliRun.run(project, Map.of(), "env", "check");
    assertThat(run.err()).contains("template deploy/vault/secrets.ctmpl not found");
  }

  @Test
  void aKeyTheDeployNeedsButTheTemplateDoesNotRenderFailsTheCheck() throws Exception {
    writeEnvExampleWithout();
    Path template = project.resolve("secrets.ctmpl");
    Files.writeString(template, Files.readString(template).replaceAll("(?m)^REDIS_URL=.*\\n", ""));
    CliRun run = check();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("ERROR\\s+not-rendered\\s+REDIS_URL");
  }

  @Test
  void fixPrintsTheLinesToAddWithAComment() throws Exception {
    writeEnvExampleWithout("S3_SECRET_KEY", "PORT");
    CliRun run = check("--fix");
    assertThat(run.out())
        .contains("# S3_SECRET_KEY: secret; the real value comes from Vault, never commit it here\nS3_SECRET_KEY=\n")
        .contains("# PORT: read by the service settings; document a safe example value\nPORT=\n");
  }

  @Test
  void diffListsTheDifferencesThatAreNotErrors() throws Exception {
    writeEnvExampleWithout();
    Files.writeString(project.resolve(".env.example"), "OLD_FLAG=1\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun run = check("--diff");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("INFO\\s+unread\\s+OLD_FLAG")
        .containsPattern("INFO\\s+not-in-template\\s+ENV\\b");
  }

  @Test
  void jsonOutputNamesEveryErrorKey() throws Exception {
    writeEnvExampleWithout("LOG_LEVEL");
    addUnusedSecretToTemplate();
    CliRun run = check("--json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("ok").asBoolean()).isFalse();
    assertThat(json.get("unused_secrets").toString()).isEqualTo("[\"LEGACY_API_TOKEN\"]");
    assertThat(json.get("undocumented").toString()).isEqualTo("[\"LOG_LEVEL\"]");
  }

  @Test
  void missingEnvExampleIsAConfigurationError() {
    CliRun run = check();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(".env.example not found");
  }
}
