package com.financereport.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CanaryQueryTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void v5BodyHasExactlyTheContractsShape() {
    JsonNode body = mapper.valueToTree(CanaryQuery.V5.body(CanarySignal.LOGS, "svc", "production", "id-1", 1000, 2000));
    assertThat(body.toString())
        .isEqualTo(
            "{\"schemaVersion\":\"v1\",\"start\":1000,\"end\":2000,\"requestType\":\"raw\",\"compositeQuery\":{\"queries\":[{\"type\":\"builder_query\","
                + "\"spec\":{\"name\":\"A\",\"signal\":\"logs\",\"filter\":{\"expression\":\"service.name = 'svc' AND deployment.environment = 'production' AND obs.canary.id = 'id-1'\"},"
                + "\"order\":[{\"key\":{\"name\":\"timestamp\"},\"direction\":\"desc\"}],\"limit\":50}}]}}");
  }

  @Test
  void v5TracesBodyIsTheLogsBodyOnTracesSelectingTheCanaryIdColumn() {
    JsonNode body = mapper.valueToTree(CanaryQuery.V5.body(CanarySignal.TRACES, "svc", "production", "id-1", 1000, 2000));
    assertThat(body.toString())
        .isEqualTo(
            "{\"schemaVersion\":\"v1\",\"start\":1000,\"end\":2000,\"requestType\":\"raw\",\"compositeQuery\":{\"queries\":[{\"type\":\"builder_query\","
                + "\"spec\":{\"name\":\"A\",\"signal\":\"traces\",\"filter\":{\"expression\":\"service.name = 'svc' AND deployment.environment = 'production' AND obs.canary.id = 'id-1'\"},"
                + "\"order\":[{\"key\":{\"name\":\"timestamp\"},\"direction\":\"desc\"}],"
                + "\"selectFields\":[{\"name\":\"name\",\"fieldContext\":\"span\"},{\"name\":\"service.name\",\"fieldContext\":\"resource\"},"
                + "{\"name\":\"obs.canary.id\",\"fieldContext\":\"attribute\"}],\"limit\":50}}]}}");
  }

  @Test
  void tracesAreLookedUpThroughV5Only() {
    assertThat(CanaryQuery.versionsFor(CanarySignal.TRACES)).containsExactly(CanaryQuery.V5);
  }

  @Test
  void quotesInFilterValuesAreEscaped() {
    JsonNode body = mapper.valueToTree(CanaryQuery.V5.body(CanarySignal.LOGS, "o'brien", "e", "i", 0, 1));
    assertThat(body.path("compositeQuery").path("queries").path(0).path("spec").path("filter").path("expression").asText())
        .startsWith("service.name = 'o\\'brien'");
  }

  @Test
  void olderBodyFiltersServiceAndEnvironmentAsResourceAttributes() {
    JsonNode items =
        mapper.valueToTree(CanaryQuery.V3.body(CanarySignal.LOGS, "svc", "production", "id-1", 0, 1))
            .path("compositeQuery").path("builderQueries").path("A").path("filters").path("items");
    assertThat(items.path(0).toString()).isEqualTo("{\"key\":{\"key\":\"service.name\",\"type\":\"resource\",\"dataType\":\"string\"},\"op\":\"=\",\"value\":\"svc\"}");
  }
}
