package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.settings.ObservabilitySettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The appender a user names in their own logback.xml exports like the automatic setup. */
class OtlpAppenderTest {
  private static final String LOGBACK_XML =
      """
      <configuration>
        <appender name="OTLP" class="com.financereport.observability.otlp.OtlpAppender"/>
        <root level="INFO"><appender-ref ref="OTLP"/></root>
      </configuration>
      """;

  private final LoggerContext context = new LoggerContext();

  /**
   * SLF4J's first use runs the process-wide auto-configuration, which installs a runtime from the
   * real environment; let that happen before a test installs its own.
   */
  @org.junit.jupiter.api.BeforeEach
  void initialiseSlf4j() {
    org.slf4j.LoggerFactory.getILoggerFactory();
  }

  @AfterEach
  void restore() {
    context.stop();
    Observability.install(ObservabilityRuntime.create(ObservabilitySettings.fromSystemEnvironment()));
  }

  private void configureFromXml() throws JoranException {
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(new ByteArrayInputStream(LOGBACK_XML.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void appenderNamedInLogbackXmlExportsFromTheProcessRuntime() throws JoranException {
    try (OtlpTestReceiver receiver = OtlpTestReceiver.start()) {
      Observability.install(
          ObservabilityRuntime.create(
              ObservabilitySettings.fromEnvironment(
                  Map.of(
                      "OBSERVABILITY_SPOOL_DIR", ExportFixture.freshSpoolDir(),
                      "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint(),
                      "OTEL_BLRP_SCHEDULE_DELAY", "50"))));
      configureFromXml();

      context.getLogger("app").info("from logback.xml");

      // The configuration's start-up event comes first, as on the zero-code path.
      assertThat(receiver.awaitRecords(2, Duration.ofSeconds(10)))
          .extracting(r -> r.body())
          .containsExactlyInAnyOrder("Observability runtime configured", "from logback.xml");
    }
  }

  @Test
  void appenderNamedInLogbackXmlDoesNothingWhenExportIsOff() throws JoranException {
    Observability.install(ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(Map.of())));
    configureFromXml();

    context.getLogger("app").info("stdout only");

    assertThat(context.getTurboFilterList()).isEmpty();
    assertThat(Observability.exportStatus().enabled()).isFalse();
  }
}
