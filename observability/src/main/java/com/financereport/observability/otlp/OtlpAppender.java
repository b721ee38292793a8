package com.financereport.observability.otlp;

import com.financereport.observability.internal.otlp.LogbackToOtlpAppender;
import com.financereport.observability.internal.otlp.OtlpLogExport;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.financereport.observability.internal.ExportPipeline;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.internal.LogbackContextSetup;
import java.util.Optional;

/**
 * OTLP export, for a user's own logback.xml or logback-spring.xml, and what the zero-code set-up
 * attaches itself:
 *
 * <pre>{@code
 * <appender name="OTLP" class="com.financereport.observability.otlp.OtlpAppender"/>
 * <root level="INFO"><appender-ref ref="OTLP"/></root>
 * }</pre>
 *
 * <p>Every instance feeds the runtime's one pipeline ({@link ObservabilityRuntime#exportPipeline}):
 * several configurations, or a context reset and the configuration after it, never make a second
 * queue, sender or spool writer. Stopping the appender (as every reset does) detaches it; the
 * pipeline lives on until {@link Observability#shutdown()} or the JVM's exit. It does nothing when
 * export is off.
 */
public final class OtlpAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private ObservabilityRuntime runtime;
  private volatile LogbackToOtlpAppender target;
  private volatile boolean connected;

  /** Exports through {@link Observability#runtime()}; the form Logback instantiates from XML. */
  public OtlpAppender() {
    setName("OTLP");
  }

  /** Exports through the given runtime's pipeline; for a programmatic set-up. */
  public OtlpAppender(ObservabilityRuntime runtime) {
    this();
    this.runtime = runtime;
  }

  @Override
  public void start() {
    if (!(getContext() instanceof LoggerContext loggerContext)) {
      addError("OtlpAppender needs a Logback classic LoggerContext");
      return;
    }
    if (runtime == null) {
      runtime = Observability.runtime();
    }
    LogbackContextSetup.prepare(loggerContext, runtime);
    connected = false;
    super.start();
  }

  /**
   * Joins the pipeline at the first event rather than at {@link #start()}: by then the
   * configuration has set its levels, so starting the SDK does not flood a still-DEBUG JUL bridge,
   * and the configuration's report can be said through the appenders it attached.
   */
  @Override
  public void doAppend(ILoggingEvent event) {
    if (!connected) {
      connect();
    }
    super.doAppend(event);
  }

  private synchronized void connect() {
    if (connected) {
      return;
    }
    connected = true;
    LoggerContext loggerContext = (LoggerContext) getContext();
    Optional<ExportPipeline> pipeline =
        runtime.exportPipeline(r -> OtlpLogExport.startShared(loggerContext, r));
    target = pipeline.map(p -> ((OtlpLogExport) p).appender()).orElse(null);
    if (target == null) {
      addInfo("OTLP export is off: " + runtime.settings().export().disabledReason());
    }
    LogbackContextSetup.report(loggerContext, runtime);
  }

  @Override
  protected void append(ILoggingEvent event) {
    LogbackToOtlpAppender current = target;
    if (current != null) {
      current.doAppend(event);
    }
  }

  @Override
  public void stop() {
    target = null; // the pipeline outlives this appender: see the class comment
    connected = true;
    super.stop();
  }
}
