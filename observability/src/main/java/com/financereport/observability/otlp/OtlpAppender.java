package com.financereport.observability.otlp;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import java.util.Optional;

/**
 * OTLP export for a user's own logback.xml:
 *
 * <pre>{@code
 * <appender name="OTLP" class="com.financereport.observability.otlp.OtlpAppender"/>
 * <root level="INFO"><appender-ref ref="OTLP"/></root>
 * }</pre>
 *
 * It exports from the process runtime ({@link Observability#runtime()}) exactly as the automatic
 * configuration does, and does nothing when export is off.
 */
public final class OtlpAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private Optional<OtlpLogExport> export = Optional.empty();

  @Override
  public void start() {
    if (!(getContext() instanceof LoggerContext loggerContext)) {
      addError("OtlpAppender needs a Logback classic LoggerContext");
      return;
    }
    ObservabilityRuntime runtime = Observability.runtime();
    // The same pipeline as the zero-code path, disk spool included.
    export =
        runtime.settings().export().enabled()
            ? OtlpLogExport.start(
                loggerContext,
                runtime,
                new DiskSpoolExtension(runtime.settings(), loggerContext).extensions(),
                false)
            : Optional.empty();
    if (export.isEmpty()) {
      addInfo(
          "OTLP export is off: "
              + Observability.runtime().settings().export().disabledReason());
    }
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    export.ifPresent(e -> e.appender().doAppend(event));
  }

  @Override
  public void stop() {
    export.ifPresent(OtlpLogExport::close);
    export = Optional.empty();
    super.stop();
  }
}
