package com.financereport.observability.spring.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.financereport.observability.Observability;
import com.financereport.observability.json.JsonLineEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * Our JSON line through Spring Boot's own switch, {@code
 * logging.structured.format.console=com.financereport.observability.spring.logging.JsonLineFormatter}:
 * the same bytes as the library's stdout line, written by the library's encoder (the line ends
 * with its newline, as Boot's formatters' do).
 */
public final class JsonLineFormatter implements StructuredLogFormatter<ILoggingEvent> {
  private final JsonLineEncoder encoder;

  public JsonLineFormatter() {
    encoder = new JsonLineEncoder(Observability.runtime());
    encoder.start();
  }

  @Override
  public String format(ILoggingEvent event) {
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  @Override
  public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
    // The line is UTF-8 by contract; Boot's console charset is UTF-8 by default.
    return StandardCharsets.UTF_8.equals(charset)
        ? encoder.encode(event)
        : format(event).getBytes(charset);
  }
}
