package com.financereport.cli.envcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateKeysTest {

  private static Set<String> fixtureKeys() throws Exception {
    List<String> lines =
        Files.readAllLines(Path.of(TemplateKeysTest.class.getResource("/envcheck/secrets.ctmpl").toURI()));
    return TemplateKeys.parse(lines);
  }

  @Test
  void everyRenderedOutputLineCountsAsItsKey() throws Exception {
    assertThat(fixtureKeys())
        .containsExactlyInAnyOrder(
            "DATABASE_URL",
            "REDIS_URL",
            "S3_SECRET_KEY",
            "LEGACY_API_TOKEN",
            "OTEL_EXPORTER_OTLP_HEADERS");
  }

  @Test
  void controlLinesCommentsAndBlankLinesRenderNoKey() {
    assertThat(
            TemplateKeys.parse(
                List.of("{{ with secret \"secret/data/x\" }}", "# KEY_IN_COMMENT=1", "", "{{ end }}")))
        .isEmpty();
  }

  @Test
  void keyAfterAnActionOnTheSameLineCounts() {
    assertThat(TemplateKeys.parse(List.of("{{ with secret \"x\" }}TOKEN={{ .Data.data.t }}{{ end }}")))
        .containsExactly("TOKEN");
  }
}
