package com.financereport.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A logback-spring.xml of the user's, built from the library's appenders and encoder. */
class LogbackSpringXmlLoggingTest extends LoggingScenario {
  static final String LOGBACK_SPRING_XML =
      """
      <configuration>
        <appender name="STDOUT" class="com.financereport.observability.logback.StdoutAppender">
          <encoder class="com.financereport.observability.json.JsonLineEncoder"/>
        </appender>
        <appender name="OTLP" class="com.financereport.observability.otlp.OtlpAppender"/>
        <root level="INFO">
          <appender-ref ref="STDOUT"/>
          <appender-ref ref="OTLP"/>
        </root>
      </configuration>
      """;

  @Override
  Path classpathFront() throws IOException {
    Path directory = Files.createTempDirectory("logback-spring");
    write(directory.resolve("logback-spring.xml"), LOGBACK_SPRING_XML);
    return directory;
  }
}
