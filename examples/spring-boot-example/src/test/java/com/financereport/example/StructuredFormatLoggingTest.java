package com.financereport.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spring Boot's own switch, logging.structured.format.console, naming our formatter. */
class StructuredFormatLoggingTest extends LoggingScenario {
  @Override
  List<String> arguments() {
    return List.of(
        "--logging.structured.format.console="
            + "com.financereport.observability.spring.logging.JsonLineFormatter");
  }

  @Test
  void theLineHasTheLibrarysFieldsAndResource() {
    var line = parse(stdoutLine("Item read"));
    assertThat(line.path("service.name").asText()).isEqualTo("spring-boot-example");
    assertThat(line.path("deployment.environment").asText()).isEqualTo("ci");
    assertThat(line.path("item_id").asText()).isEqualTo("7");
  }
}
