package com.financereport.observability;

import com.financereport.observability.internal.ExportPipeline;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.internal.signals.Signals;
import com.financereport.observability.status.ExportStatus;
import com.financereport.observability.status.ObservabilitySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one process runs with: its settings, its one {@link Redactor}, and the live export status.
 * Built once from the environment by the Logback auto-configuration (or lazily by the encoder when
 * a user's own logback.xml uses it); reachable through {@link Observability}.
 */
public final class ObservabilityRuntime {
  private final ObservabilitySettings settings;
  private final Redactor redactor;
  private final List<String> warnings;
  private volatile Supplier<ExportStatus> exportStatus = ExportStatus::disabled;
  private final AtomicBoolean reported = new AtomicBoolean();
  // Guarded by this: the one pipeline, made by the first configuration that asks for it.
  private ExportPipeline pipeline;
  private Signals signals;
  private Thread signalsHook;
  private volatile boolean hostOwnsShutdown;
  private boolean pipelineStarted;

  private ObservabilityRuntime(
      ObservabilitySettings settings, Redactor redactor, List<String> warnings) {
    this.settings = settings;
    this.redactor = redactor;
    this.warnings = List.copyOf(warnings);
  }

  /** A runtime for these settings: the default redaction rules plus the configured extras. */
  public static ObservabilityRuntime create(ObservabilitySettings settings) {
    List<String> warnings = new ArrayList<>(settings.warnings());
    Redactor.Builder redaction = Redactor.builder();
    settings.redaction().extraKeys().forEach(redaction::secretKey);
    for (String pattern : settings.redaction().extraPatterns()) {
      try {
        redaction.secretPattern(Pattern.compile(pattern));
      } catch (PatternSyntaxException e) {
        warnings.add(
            "OBSERVABILITY_REDACT_PATTERNS: skipped a pattern that does not compile ("
                + e.getDescription()
                + ")");
      }
    }
    return new ObservabilityRuntime(settings, redaction.build(), warnings);
  }

  public ObservabilitySettings settings() {
    return settings;
  }

  public Redactor redactor() {
    return redactor;
  }

  /** Every non-fatal configuration problem, each a sentence naming its variable. */
  public List<String> warnings() {
    return warnings;
  }

  public ExportStatus exportStatus() {
    ExportPipeline running;
    synchronized (this) {
      running = pipeline;
    }
    return running != null ? running.status() : exportStatus.get();
  }

  /** The redacted runtime view for /health and the start-up event. */
  public ObservabilitySnapshot snapshot() {
    Signals running = signals();
    return ObservabilitySnapshot.of(
        settings, redactor, exportStatus(), running.traces(), running.metrics());
  }

  /**
   * The process's traces and metrics, started on first use: the OTel API to instrument with, and
   * their status. With both off (the default) this creates no thread or socket.
   */
  public synchronized Signals signals() {
    if (signals == null) {
      Signals started = Signals.start(settings, this::exportStatus, redactor);
      signals = started;
      if (!hostOwnsShutdown && (settings.traces().enabled() || settings.metrics().enabled())) {
        signalsHook =
            new Thread(() -> started.shutdown(settings.export().shutdownTimeout()), "otel-signals-shutdown");
        Runtime.getRuntime().addShutdownHook(signalsHook);
      }
    }
    return signals;
  }

  /** Connects the live status of the export pipeline once it runs. */
  public void exportStatusSource(Supplier<ExportStatus> source) {
    this.exportStatus = source;
  }

  /**
   * The runtime's one export pipeline: {@code start} runs the first time this is called and every
   * later call, from whichever Logback configuration, returns what it made. Empty when export is
   * off, or after {@link #shutdown}.
   */
  public synchronized Optional<ExportPipeline> exportPipeline(
      Function<ObservabilityRuntime, Optional<? extends ExportPipeline>> start) {
    if (!pipelineStarted) {
      pipelineStarted = true;
      pipeline = start.apply(this).orElse(null);
    }
    return Optional.ofNullable(pipeline);
  }

  /**
   * Delivers or spools what the pipeline holds within {@code timeout} and stops it; for a
   * framework's orderly shutdown (the JVM shutdown hook does the same on its own). Returns how
   * many records were neither delivered nor spooled; 0 when nothing was exported.
   */
  public long shutdown(Duration timeout) {
    ExportPipeline stopping;
    Signals signalsStopping;
    synchronized (this) {
      signalsStopping = signals;
      pipelineStarted = true; // a configuration after shutdown must not start a second pipeline
      stopping = pipeline;
      pipeline = null;
    }
    if (signalsStopping != null) {
      signalsStopping.shutdown(timeout);
    }
    if (stopping == null) {
      return 0;
    }
    ExportStatus last = stopping.status();
    exportStatus = () -> last;
    return stopping.shutdown(timeout);
  }

  /**
   * A framework that shuts the application down in order (Spring's context close, then logging)
   * calls {@link #shutdown} itself: the JVM hooks, which would run beside its own and stop export
   * before the application's last lines, are dropped, and no later pipeline registers one.
   */
  public synchronized void leaveShutdownToHost() {
    hostOwnsShutdown = true;
    if (pipeline != null) {
      pipeline.leaveShutdownToHost();
    }
    if (signalsHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(signalsHook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting already; the hook does the same bounded work.
      }
      signalsHook = null;
    }
  }

  public boolean hostOwnsShutdown() {
    return hostOwnsShutdown;
  }

  /** True exactly once: the configuration problems and the start-up event are said once. */
  public boolean claimStartupReport() {
    return reported.compareAndSet(false, true);
  }
}
