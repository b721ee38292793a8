package com.financereport.observability.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservabilitySettingsTest {

  private static ObservabilitySettings read(String... keyValues) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return ObservabilitySettings.fromEnvironment(env);
  }

  @Test
  void nothingSetMeansDevelopmentStdoutOnly() {
    ObservabilitySettings settings = read();

    assertThat(settings.serviceName()).isEqualTo("unknown_service:java");
    assertThat(settings.environment()).isEqualTo("development");
    assertThat(settings.serviceVersion()).isEqualTo("unknown");
    assertThat(settings.debug()).isFalse();
    assertThat(settings.rootLevel()).isEqualTo("INFO");
    assertThat(settings.export().enabled()).isFalse();
    assertThat(settings.export().disabledReason()).contains("OTEL_EXPORTER_OTLP_ENDPOINT is unset");
    assertThat(settings.warnings()).isEmpty();
    assertThat(settings.errors()).isEmpty();
  }

  @Test
  void envIsAnAliasOfEnvironment() {
    assertThat(read("ENV", "pr-47").environment()).isEqualTo("pr-47");
    assertThat(read("ENV", "pr-47", "ENVIRONMENT", "staging").environment()).isEqualTo("staging");
  }

  @Test
  void debugSwitchesTheLevelUnlessLogLevelIsSet() {
    assertThat(read("DEBUG", "true").rootLevel()).isEqualTo("DEBUG");
    assertThat(read("DEBUG", "true", "LOG_LEVEL", "warn").rootLevel()).isEqualTo("WARN");
    assertThat(read("LOG_LEVEL", "error").rootLevel()).isEqualTo("ERROR");
  }

  @Test
  void theResourceCarriesServiceVersionAndBothEnvironmentKeys() {
    ObservabilitySettings settings =
        read("ENVIRONMENT", "production", "OTEL_SERVICE_NAME", "api", "GIT_COMMIT_SHA", "abc123");

    assertThat(settings.resource())
        .containsEntry("service.name", "api")
        .containsEntry("service.version", "abc123")
        .containsEntry("git.commit", "abc123")
        .containsEntry("deployment.environment", "production")
        .containsEntry("deployment.environment.name", "production");
  }

  @Test
  void resourceAttributesArePercentDecodedAndWin() {
    ObservabilitySettings settings =
        read(
            "ENVIRONMENT", "pr-12",
            "OTEL_RESOURCE_ATTRIBUTES",
                "deployment.environment=pr%2D12,team=finance%20ops,formula=a+b,service.version=9");

    assertThat(settings.resource())
        .containsEntry("team", "finance ops")
        .containsEntry("formula", "a+b")
        .containsEntry("service.version", "9")
        .containsEntry("deployment.environment", "pr-12");
    assertThat(settings.warnings()).isEmpty();
  }

  @Test
  void deploymentEnvironmentFromResourceAttributesWinsOverEnvironment() {
    ObservabilitySettings settings =
        read("ENVIRONMENT", "development", "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=preview");

    assertThat(settings.environment()).isEqualTo("preview");
    assertThat(settings.resource()).containsEntry("deployment.environment.name", "preview");
    assertThat(settings.errors()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"prod, production", "PRODUCTION, production", "stage, staging", "PR_47, pr-47", "pr47, pr-47"})
  void knownAliasesAreReadAsOneName(String given, String canonical) {
    ObservabilitySettings settings = read("ENVIRONMENT", given);

    assertThat(settings.environment()).isEqualTo(canonical);
    assertThat(settings.resource()).containsEntry("deployment.environment", canonical);
  }

  @Test
  void anAliasedProductionWithAStagingAttributeIsAnError() {
    ObservabilitySettings settings =
        read("ENVIRONMENT", "prod", "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=staging");

    assertThat(settings.errors())
        .as("ENVIRONMENT=prod with deployment.environment=staging must be caught, endpoint or not")
        .singleElement()
        .asString()
        .contains("ENVIRONMENT=prod", "deployment.environment=staging", "wrong environment");
  }

  @Test
  void anAliasThatNamesTheSameEnvironmentIsNoError() {
    ObservabilitySettings settings =
        read(
            "ENVIRONMENT", "prod",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
            "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=production");

    assertThat(settings.errors()).isEmpty();
    assertThat(settings.export().enabled()).isTrue();
  }

  @Test
  void aPreviewEnvironmentIsHeldToAgreementToo() {
    ObservabilitySettings settings =
        read("ENVIRONMENT", "pr-3", "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=preview");

    assertThat(settings.errors()).singleElement().asString().contains("wrong environment");
  }

  @Test
  void aDisagreeingDeploymentEnvironmentNameIsAnErrorNotReplaced() {
    ObservabilitySettings settings =
        read(
            "ENVIRONMENT", "production",
            "OTEL_RESOURCE_ATTRIBUTES",
            "deployment.environment=production,deployment.environment.name=staging");

    assertThat(settings.errors())
        .singleElement()
        .asString()
        .contains("deployment.environment.name=staging", "wrong environment");
    assertThat(settings.resource()).containsEntry("deployment.environment.name", "staging");
  }

  @Test
  void aDeploymentEnvironmentNameGivenAloneIsKeptAndNamesTheEnvironment() {
    ObservabilitySettings settings =
        read(
            "ENVIRONMENT", "staging",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
            "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=staging");

    assertThat(settings.errors()).isEmpty();
    assertThat(settings.resource())
        .containsEntry("deployment.environment.name", "staging")
        .containsEntry("deployment.environment", "staging");
  }

  @Test
  void otelServiceNameWinsOverTheResourceAttribute() {
    assertThat(read("OTEL_SERVICE_NAME", "a", "OTEL_RESOURCE_ATTRIBUTES", "service.name=b").serviceName())
        .isEqualTo("a");
    assertThat(read("OTEL_RESOURCE_ATTRIBUTES", "service.name=b").serviceName()).isEqualTo("b");
  }

  @Test
  void malformedResourceItemsAreSkippedWithOneWarning() {
    ObservabilitySettings settings =
        read("OTEL_RESOURCE_ATTRIBUTES", "good=1,novalue,=empty,bad=%zz,also=2");

    assertThat(settings.resource()).containsEntry("good", "1").containsEntry("also", "2");
    assertThat(settings.resource()).doesNotContainKeys("novalue", "", "bad");
    assertThat(settings.warnings()).hasSize(1);
    assertThat(settings.warnings().get(0)).contains("OTEL_RESOURCE_ATTRIBUTES").contains("3 malformed");
  }

  @ParameterizedTest
  @CsvSource({
    "http://collector:4318, http://collector:4318/v1/logs",
    "http://collector:4318/, http://collector:4318/v1/logs",
    "http://collector:4318/v1/logs, http://collector:4318/v1/logs",
    "http://collector:4318/v1/logs/, http://collector:4318/v1/logs",
    "https://otel.example.com/prefix, https://otel.example.com/prefix/v1/logs",
    "http://collector:4318//, http://collector:4318/v1/logs",
  })
  void theBaseEndpointGetsV1LogsAppendedOnce(String base, String expected) {
    assertThat(read("OTEL_EXPORTER_OTLP_ENDPOINT", base).export().logsEndpoint())
        .hasToString(expected);
  }

  @Test
  void theLogsEndpointIsUsedAsGivenAndWins() {
    ObservabilitySettings settings =
        read(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://base:4318",
            "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:9999/custom");

    assertThat(settings.export().logsEndpoint()).hasToString("http://logs:9999/custom");
  }

  @ParameterizedTest
  @CsvSource({"collector:4318", "ftp://collector", "http://", "http://exa mple:4318", "http://h:1/?q=1"})
  void aMalformedEndpointIsAConfigurationErrorThatNamesTheVariable(String endpoint) {
    ObservabilitySettings settings = read("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);

    assertThat(settings.export().enabled()).isFalse();
    assertThat(settings.errors()).hasSize(1);
    assertThat(settings.errors().get(0)).startsWith("OTEL_EXPORTER_OTLP_ENDPOINT");
  }

  @Test
  void aMalformedEndpointErrorNeverRepeatsTheValue() {
    ObservabilitySettings settings =
        read("OTEL_EXPORTER_OTLP_ENDPOINT", "htp://user:s3cret@collector:4318");

    assertThat(settings.errors().get(0)).doesNotContain("s3cret");
  }

  @Test
  void sdkDisabledAndExporterNoneTurnExportOff() {
    assertThat(read("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_SDK_DISABLED", "true").export().enabled())
        .isFalse();
    assertThat(read("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_LOGS_EXPORTER", "none").export().enabled())
        .isFalse();
    assertThat(read("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318").export().enabled()).isTrue();
  }

  @Test
  void grpcIsNotInheritedFromTheJavaDefault() {
    ObservabilitySettings settings =
        read("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");

    assertThat(settings.export().enabled()).isTrue();
    assertThat(settings.warnings()).anyMatch(w -> w.contains("sent as http/protobuf"));
  }

  @Test
  void headersAreParsedAndNeverPrinted() {
    ObservabilitySettings settings =
        read(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
            "OTEL_EXPORTER_OTLP_HEADERS", "signoz-ingestion-key=s3cr3t%3D,x-team=fin");

    assertThat(settings.export().headers())
        .containsEntry("signoz-ingestion-key", "s3cr3t=")
        .containsEntry("x-team", "fin");
    assertThat(settings.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void malformedHeadersAreReportedWithoutTheirValues() {
    ObservabilitySettings settings = read("OTEL_EXPORTER_OTLP_HEADERS", "Authorization Bearer abc");

    assertThat(settings.warnings()).hasSize(1);
    assertThat(settings.warnings().get(0)).contains("OTEL_EXPORTER_OTLP_HEADERS").doesNotContain("abc");
  }

  @Test
  void blrpSettingsAreHonoured() {
    ExportSettings export =
        read(
                "OTEL_BLRP_SCHEDULE_DELAY", "250",
                "OTEL_BLRP_MAX_QUEUE_SIZE", "10000",
                "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "1000",
                "OTEL_BLRP_EXPORT_TIMEOUT", "5000")
            .export();

    assertThat(export.scheduleDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(export.maxQueueSize()).isEqualTo(10000);
    assertThat(export.maxExportBatchSize()).isEqualTo(1000);
    assertThat(export.exportTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void exportDefaultsAreDocumentedOnes() {
    ExportSettings export = read().export();

    assertThat(export.exportLevel()).isEqualTo("INFO");
    assertThat(export.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(export.compression()).isEqualTo("none");
    assertThat(export.queueFullWait()).isEqualTo(Duration.ofMillis(250));
    assertThat(export.exportConcurrency()).isEqualTo(2);
  }

  @Test
  void aQueueFullWaitIsReadAsADurationAndZeroTurnsItOff() {
    assertThat(read("OBSERVABILITY_QUEUE_FULL_WAIT", "1s").export().queueFullWait())
        .isEqualTo(Duration.ofSeconds(1));
    ObservabilitySettings off = read("OBSERVABILITY_QUEUE_FULL_WAIT", "0");
    assertThat(off.export().queueFullWait()).isZero();
    assertThat(off.warnings()).isEmpty();
  }

  @Test
  void exportConcurrencyIsReadAndBounded() {
    assertThat(read("OBSERVABILITY_EXPORT_CONCURRENCY", "4").export().exportConcurrency())
        .isEqualTo(4);
    ObservabilitySettings tooMany = read("OBSERVABILITY_EXPORT_CONCURRENCY", "500");
    assertThat(tooMany.export().exportConcurrency()).isEqualTo(2);
    assertThat(tooMany.warnings())
        .containsExactly(
            "OBSERVABILITY_EXPORT_CONCURRENCY must be a whole number from 1 to 16; using 2");
  }

  @ParameterizedTest
  @CsvSource({
    "OTEL_BLRP_MAX_QUEUE_SIZE, lots",
    "OTEL_BLRP_MAX_QUEUE_SIZE, -5",
    "OTEL_BLRP_SCHEDULE_DELAY, soon",
    "OBSERVABILITY_SHUTDOWN_TIMEOUT, 0",
    "OBSERVABILITY_QUEUE_FULL_WAIT, forever",
    "OBSERVABILITY_QUEUE_FULL_WAIT, -1s",
    "OBSERVABILITY_EXPORT_CONCURRENCY, 0",
    "OBSERVABILITY_EXPORT_CONCURRENCY, two",
    "OBSERVABILITY_SPOOL_MAX_BYTES, 12 parsecs",
    "DEBUG, maybe",
    "LOG_LEVEL, LOUD",
    "OBSERVABILITY_EXPORT_LEVEL, chatty",
  })
  void aMalformedValueFallsBackWithAWarningNamingTheVariable(String key, String value) {
    ObservabilitySettings settings = read(key, value);

    assertThat(settings.warnings()).hasSize(1);
    assertThat(settings.warnings().get(0)).startsWith(key);
    assertThat(settings.errors()).isEmpty();
  }

  @Test
  void durationsAndSizesAcceptUnits() {
    ObservabilitySettings settings =
        read(
            "OBSERVABILITY_SHUTDOWN_TIMEOUT", "2s",
            "OBSERVABILITY_SPOOL_MAX_AGE", "3d",
            "OBSERVABILITY_SPOOL_MAX_BYTES", "64MiB",
            "OBSERVABILITY_MAX_VALUE_BYTES", "8KiB");

    assertThat(settings.export().shutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.spool().maxAge()).isEqualTo(Duration.ofDays(3));
    assertThat(settings.spool().maxBytes()).isEqualTo(64L << 20);
    assertThat(settings.limits().maxValueBytes()).isEqualTo(8192);
  }

  @Test
  void theSpoolDefaultsToAPerServiceFolderInTheUsersCache(@TempDir Path cache) {
    ObservabilitySettings settings =
        read("OTEL_SERVICE_NAME", "billing api", "XDG_CACHE_HOME", cache.toString());

    assertThat(settings.spool().directory())
        .isEqualTo(cache.resolve("observability/spool/billing_api"));
    assertThat(settings.spool().maxBytes()).isEqualTo(256L << 20);
    assertThat(settings.spool().maxAge()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void withoutXdgCacheHomeTheSpoolLivesUnderTheHomeFoldersCache(@TempDir Path home) {
    ObservabilitySettings settings =
        read("OTEL_SERVICE_NAME", "billing", "HOME", home.toString(), "XDG_CACHE_HOME", "");

    assertThat(settings.spool().directory())
        .isEqualTo(home.resolve(".cache/observability/spool/billing"));
  }

  @Test
  void aHomeFolderThatCannotBeWrittenMovesTheSpoolToAPerUserTmpFolder(@TempDir Path temp)
      throws IOException {
    // Root may write anywhere: a regular file can never hold a .cache folder, whoever asks.
    Path home = Files.createFile(temp.resolve("home-is-a-file"));

    ObservabilitySettings settings =
        read("OTEL_SERVICE_NAME", "billing", "HOME", home.toString(), "XDG_CACHE_HOME", "");

    assertThat(settings.spool().directory())
        .isEqualTo(
            Path.of(
                System.getProperty("java.io.tmpdir"),
                "observability-spool-" + System.getProperty("user.name"),
                "billing"));
  }

  @Test
  void anUnnamedServiceSpoolsInAFolderOfItsMainClass(@TempDir Path cache) {
    ObservabilitySettings settings = read("XDG_CACHE_HOME", cache.toString());

    assertThat(settings.spool().directory().getParent())
        .isEqualTo(cache.resolve("observability/spool"));
    assertThat(settings.spool().directory().getFileName().toString())
        .startsWith("unknown_service_java-")
        .isNotEqualTo("unknown_service_java-");
  }

  @Test
  void theSpoolBelongsToTheServiceAndEnvironmentOfTheResource() {
    ObservabilitySettings settings =
        read("OTEL_SERVICE_NAME", "billing", "ENVIRONMENT", "pr-47", "XDG_CACHE_HOME", "/x");

    assertThat(settings.spool().serviceName()).isEqualTo("billing");
    assertThat(settings.spool().environment()).isEqualTo("pr-47");
  }

  @Test
  void theOtelServiceNamePropertyWinsOverTheEnvironmentAsInOtelAutoconfigure() {
    String before = System.getProperty(ObservabilitySettings.SERVICE_NAME_PROPERTY);
    System.setProperty(ObservabilitySettings.SERVICE_NAME_PROPERTY, "from-property");
    try {
      assertThat(ObservabilitySettings.fromSystemEnvironment().serviceName())
          .isEqualTo("from-property");
    } finally {
      if (before == null) {
        System.clearProperty(ObservabilitySettings.SERVICE_NAME_PROPERTY);
      } else {
        System.setProperty(ObservabilitySettings.SERVICE_NAME_PROPERTY, before);
      }
    }
  }

  @Test
  void inProductionAMissingDeploymentEnvironmentAttributeIsAnError() {
    ObservabilitySettings settings =
        read("ENVIRONMENT", "production", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318");

    assertThat(settings.errors()).singleElement().asString().contains("must set deployment.environment=production");
    assertThat(settings.export().enabled()).isFalse();
  }

  @Test
  void inStagingADisagreeingDeploymentEnvironmentIsAnError() {
    ObservabilitySettings settings =
        read(
            "ENVIRONMENT", "staging",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
            "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=production");

    assertThat(settings.errors()).singleElement().asString().contains("wrong environment");
    assertThat(settings.export().enabled()).isFalse();
  }

  @Test
  void theEnvironmentComparisonIgnoresCaseAndSpaces() {
    ObservabilitySettings settings =
        read(
            "ENVIRONMENT", " Production ",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
            "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=PRODUCTION%20");

    assertThat(settings.errors()).isEmpty();
    assertThat(settings.export().enabled()).isTrue();
  }

  @Test
  void previewEnvironmentsAreNotHeldToTheStrictRule() {
    ObservabilitySettings settings =
        read("ENVIRONMENT", "pr-47", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318");

    assertThat(settings.errors()).isEmpty();
    assertThat(settings.environment()).isEqualTo("pr-47");
  }

  @Test
  void everyKeyReadIsListed() {
    assertThat(EnvironmentKeys.ALL)
        .contains("ENVIRONMENT", "ENV", "DEBUG", "LOG_LEVEL", "OTEL_SERVICE_NAME",
            "OTEL_RESOURCE_ATTRIBUTES", "GIT_COMMIT_SHA", "OTEL_EXPORTER_OTLP_ENDPOINT",
            "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SDK_DISABLED",
            "OTEL_LOGS_EXPORTER", "OBSERVABILITY_SPOOL_DIR");
  }

  @Test
  void spanBatchesDefaultToTheLogSizesNotTheSdks() {
    TraceSettings traces = read("OTEL_TRACES_EXPORTER", "otlp").traces();

    assertThat(traces.maxQueueSize()).isEqualTo(8192);
    assertThat(traces.maxExportBatchSize()).isEqualTo(2048);
  }

  @Test
  void spanBatchSizesFromTheEnvironmentWin() {
    TraceSettings traces =
        read("OTEL_TRACES_EXPORTER", "otlp", "OTEL_BSP_MAX_QUEUE_SIZE", "100", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "10")
            .traces();

    assertThat(traces.maxQueueSize()).isEqualTo(100);
    assertThat(traces.maxExportBatchSize()).isEqualTo(10);
  }
}
