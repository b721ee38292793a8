package com.financereport.observability.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.console.ConsoleLineEncoder;
import com.financereport.observability.internal.LogbackContextSetup;
import com.financereport.observability.json.JsonLineEncoder;
import java.io.IOException;

/**
 * Logback's ConsoleAppender, streaming JSON lines from the encoder's per-thread buffer straight to
 * stdout instead of allocating each line as a byte array first; the encoding happens outside the
 * stream lock, as in Logback's own OutputStreamAppender. Follows System.setOut, like
 * ConsoleAppender.
 */
public class StdoutAppender extends ConsoleAppender<ILoggingEvent> {
  private volatile ObservabilityRuntime unreported;

  @Override
  public void start() {
    // From a user's logback.xml too: the JUL bridge, quiet status and the start-up report.
    if (getContext() instanceof LoggerContext loggerContext) {
      ObservabilityRuntime runtime = runtimeOf(encoder);
      LogbackContextSetup.prepare(loggerContext, runtime);
      unreported = runtime;
    }
    super.start();
  }

  /** Says the configuration report first, once the configuration has attached its appenders. */
  @Override
  public void doAppend(ILoggingEvent event) {
    ObservabilityRuntime runtime = unreported;
    if (runtime != null) {
      unreported = null;
      LogbackContextSetup.report((LoggerContext) getContext(), runtime);
    }
    super.doAppend(event);
  }

  private static ObservabilityRuntime runtimeOf(Encoder<ILoggingEvent> encoder) {
    if (encoder instanceof JsonLineEncoder json && json.runtime() != null) {
      return json.runtime();
    }
    if (encoder instanceof ConsoleLineEncoder console && console.runtime() != null) {
      return console.runtime();
    }
    return Observability.runtime();
  }

  @Override
  protected void writeOut(ILoggingEvent event) throws IOException {
    if (!(encoder instanceof JsonLineEncoder json)) {
      super.writeOut(event);
      return;
    }
    json.encode(event, getOutputStream(), streamWriteLock, isImmediateFlush());
  }
}
