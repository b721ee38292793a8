package com.financereport.observability.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserConfigurationTest {

  @Test
  void aLogbackXmlOnTheClasspathTakesPrecedence(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      Thread.currentThread().setContextClassLoader(loader);
      LoggerContext context = new LoggerContext();
      ObservabilityConfigurator configurator = new ObservabilityConfigurator();
      configurator.setContext(context);

      ExecutionStatus status = configurator.configure(context);

      assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
          .isFalse();
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void withoutAUserFileNothingIsPresent(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThat(UserConfiguration.present(loader)).isFalse();
    }
  }

  @Test
  void aLogbackSpringXmlIsRecognisedAsSpringBoots(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("logback-spring.xml"), "<configuration/>");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThat(UserConfiguration.springBootFilePresent(loader)).isTrue();
      // Logback never reads it: until Spring Boot does, the zero-code set-up applies.
      assertThat(UserConfiguration.present(loader)).isFalse();
    }
  }

  @Test
  void logbackTestXmlCountsToo(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("logback-test.xml"), "<configuration/>");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThat(UserConfiguration.present(loader)).isTrue();
    }
  }

  @Test
  void ourEncoderWorksFromAUserLogbackXml(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("logback.xml");
    Files.writeString(
        xml,
        """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.read.ListAppender"/>
          <appender name="JSON" class="ch.qos.logback.core.FileAppender">
            <file>%s</file>
            <encoder class="com.financereport.observability.json.JsonLineEncoder"/>
          </appender>
          <root level="INFO"><appender-ref ref="JSON"/></root>
        </configuration>
        """
            .formatted(dir.resolve("out.log")));
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    ch.qos.logback.classic.joran.JoranConfigurator joran =
        new ch.qos.logback.classic.joran.JoranConfigurator();
    joran.setContext(context);
    joran.doConfigure(xml.toFile());

    context.getLogger("from.xml").atInfo().addKeyValue("token", "abc").log("configured by XML");
    context.stop();

    String line = Files.readString(dir.resolve("out.log"));
    assertThat(line).contains("\"message\":\"configured by XML\"").contains("\"token\":\"[REDACTED]\"");
    assertThat(line.lines()).hasSize(1);
  }
}
