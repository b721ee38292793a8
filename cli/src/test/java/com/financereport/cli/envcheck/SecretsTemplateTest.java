package com.financereport.cli.envcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.backend.settings.SettingsKeys;
import com.financereport.cli.CliRun;
import com.financereport.cli.RepositoryRoot;
import com.financereport.cli.fakes.FakeVault;
import com.financereport.cli.vault.SecretPath;
import com.financereport.cli.vault.VaultLocation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders deploy/vault/secrets.ctmpl as the Vault agent would: parsed with Go's text/template
 * grammar ({@link GoTemplate}), {@code env} from a map, {@code secret} read from the fake Vault (KV
 * v2, contracts/vault-kv2.md) at the path {@code obs env set} writes.
 */
class SecretsTemplateTest {
  private static final String TOKEN = "hvs.template-test";
  private static final String TEMPLATE = EnvCheckCommand.DEFAULT_TEMPLATE;

  private final FakeVault vault = new FakeVault(TOKEN);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    vault.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"production", "staging", "pr-47"})
  void theTemplateRendersEveryKeyADeployedServiceReads(String environment) throws Exception {
    Map<String, String> stored = new TreeMap<>();
    SettingsKeys.DEPLOYED.stream()
        .filter(key -> !key.equals("ENVIRONMENT"))
        .forEach(key -> stored.put(key, "value-of-" + key + "-in-" + environment));
    vault.put(pathEnvSetWrites(environment), stored);

    Map<String, String> rendered = lines(render(environment));

    Map<String, String> expected = new TreeMap<>(stored);
    expected.put("ENVIRONMENT", environment);
    assertThat(rendered.keySet()).as("keys rendered for " + environment).isEqualTo(SettingsKeys.DEPLOYED);
    assertThat(rendered).as("each key carries its own secret value").isEqualTo(expected);
  }

  @Test
  void aKeyTheSecretDoesNotHoldIsLeftOutNotRenderedAsNoValue() throws Exception {
    vault.put(pathEnvSetWrites("staging"), Map.of("DATABASE_URL", "postgres://db/finance"));

    String output = render("staging");

    assertThat(output).isEqualTo("ENVIRONMENT=staging\nDATABASE_URL=postgres://db/finance\n");
  }

  @Test
  void whatObsEnvSetWritesIsWhatTheTemplateRenders() throws Exception {
    CliRun set =
        CliRun.run(
            Path.of("."),
            Map.of("VAULT_ADDR", vault.address().toString(), "VAULT_TOKEN", TOKEN),
            "env", "set", "--env", "pr-47",
            "OTEL_EXPORTER_OTLP_ENDPOINT=http://signoz-otel-collector:4318",
            "OTEL_RESOURCE_ATTRIBUTES=deployment.environment=pr-47");
    assertThat(set.exitCode()).as(set.err()).isZero();

    assertThat(lines(render("pr-47")))
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://signoz-otel-collector:4318")
        .containsEntry("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=pr-47")
        .containsEntry("ENVIRONMENT", "pr-47");
  }

  @Test
  void anActionInsideAStringLiteralIsRejectedAsGoRejectsIt() {
    String broken = "{{ with secret \"secret/data/finance_report/{{ env \"ENVIRONMENT\" }}/app\" }}X={{ .Data.data.X }}{{ end }}";

    assertThatThrownBy(() -> GoTemplate.parse(broken, functions("production")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("function \"ENVIRONMENT\" not defined");
  }

  private String pathEnvSetWrites(String environment) {
    return SecretPath.fromTemplate(
            VaultLocation.DEFAULT_TEMPLATE,
            Map.of("project", "finance_report", "env", environment, "service", "app"))
        .toString();
  }

  private String render(String environment) throws IOException {
    Path template = RepositoryRoot.containing(TEMPLATE).resolve(TEMPLATE);
    return GoTemplate.parse(Files.readString(template), functions(environment)).render(null);
  }

  private Map<String, GoTemplate.TemplateFunction> functions(String environment) {
    Map<String, GoTemplate.TemplateFunction> functions = new LinkedHashMap<>();
    functions.put("env", args -> args.get(0).equals("ENVIRONMENT") ? environment : "");
    functions.put("printf", args -> String.format((String) args.get(0), args.subList(1, args.size()).toArray()));
    functions.put("secret", args -> secret((String) args.get(0)));
    return functions;
  }

  /** consul-template's {@code secret}: the KV v2 read's {@code data}, so {@code .Data.data} holds the fields. */
  private Object secret(String path) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(vault.address() + "/v1/" + path))
                  .header("X-Vault-Token", TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("no secret at " + path + ": " + answer.statusCode());
      }
      return Map.of("Data", new ObjectMapper().readValue(answer.body(), Map.class).get("data"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> lines(String output) {
    Map<String, String> lines = new TreeMap<>();
    for (String line : List.of(output.split("\n"))) {
      int eq = line.indexOf('=');
      assertThat(eq).as("rendered line is KEY=value: " + line).isPositive();
      lines.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return lines;
  }
}
