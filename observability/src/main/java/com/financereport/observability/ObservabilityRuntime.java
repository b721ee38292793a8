package com.financereport.observability;

import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.status.ExportStatus;
import com.financereport.observability.status.ObservabilitySnapshot;
import java.util.ArrayList;
import java.util.List;
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
    return exportStatus.get();
  }

  /** The redacted runtime view for /health and the start-up event. */
  public ObservabilitySnapshot snapshot() {
    return ObservabilitySnapshot.of(settings, redactor, exportStatus());
  }

  /** Connects the live status of the export pipeline once it runs. */
  public void exportStatusSource(Supplier<ExportStatus> source) {
    this.exportStatus = source;
  }
}
