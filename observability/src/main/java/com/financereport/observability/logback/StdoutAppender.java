package com.financereport.observability.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.financereport.observability.json.JsonLineEncoder;
import java.io.IOException;

/**
 * Logback's ConsoleAppender, streaming JSON lines from the encoder's per-thread buffer straight to
 * stdout instead of allocating each line as a byte array first; the encoding happens outside the
 * stream lock, as in Logback's own OutputStreamAppender. Follows System.setOut, like
 * ConsoleAppender.
 */
public class StdoutAppender extends ConsoleAppender<ILoggingEvent> {
  @Override
  protected void writeOut(ILoggingEvent event) throws IOException {
    if (!(encoder instanceof JsonLineEncoder json)) {
      super.writeOut(event);
      return;
    }
    json.encode(event, getOutputStream(), streamWriteLock, isImmediateFlush());
  }
}
