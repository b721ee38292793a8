package com.financereport.observability.json;

import com.financereport.observability.internal.json.EventView;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.financereport.observability.redaction.Redactor;
import org.junit.jupiter.api.Test;

/** The view of one event is built once per thread, whichever output asks first. */
class EventViewTest {
  private final LoggerContext context = new LoggerContext();
  private final Redactor redactor = Redactor.defaults();

  private LoggingEvent event(String message) {
    return new LoggingEvent(
        "fqcn",
        context.getLogger("app"),
        Level.ERROR,
        message,
        new IllegalStateException("password=hunter22"),
        null);
  }

  @Test
  void theSecondOutputOfAnEventFindsTheViewTheFirstBuilt() {
    LoggingEvent event = event("mail bob@example.com");

    String first = EventView.of(event, redactor).stackTrace();
    String second = EventView.of(event, redactor).stackTrace();

    assertThat(second).isSameAs(first).doesNotContain("hunter22");
  }

  @Test
  void anotherEventGetsItsOwnView() {
    LoggingEvent one = event("first bob@example.com");
    LoggingEvent other = event("second");

    String first = EventView.of(one, redactor).message();
    String next = EventView.of(other, redactor).message();

    assertThat(first).isEqualTo("first [EMAIL]");
    assertThat(next).isEqualTo("second");
  }

  @Test
  void anotherRedactorBuildsTheViewAgainWithItsOwnRules() {
    LoggingEvent event = event("customer_ref=C-1234");
    Redactor stricter = Redactor.builder().secretKey("customer_ref").build();

    String defaults = EventView.of(event, redactor).message();
    String strict = EventView.of(event, stricter).message();

    assertThat(defaults).isEqualTo("customer_ref=C-1234");
    assertThat(strict).isEqualTo("customer_ref=[REDACTED]");
  }
}
