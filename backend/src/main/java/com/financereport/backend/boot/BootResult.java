package com.financereport.backend.boot;

import com.financereport.backend.RunningBackend;
import com.financereport.backend.embedded.EmbeddedDatabase;
import java.util.List;

/**
 * What booting came to: a running backend (exit code 0), or the exit code and the messages that
 * explain it.
 *
 * @param exitCode {@value #STARTED}: running; {@value #STARTUP_FAILED}: a dependency needed at
 *     start (PostgreSQL) or the port was unavailable; {@value #INVALID_CONFIGURATION}: the
 *     environment holds errors
 * @param backend the running backend, null unless started
 * @param messages why it did not start, one sentence each; empty when started
 * @param embeddedDatabase the PostgreSQL started for development, null when DATABASE_URL was set
 */
public record BootResult(
    int exitCode, RunningBackend backend, List<String> messages, EmbeddedDatabase embeddedDatabase) {
  public static final int STARTED = 0;
  public static final int STARTUP_FAILED = 1;
  public static final int INVALID_CONFIGURATION = 2;

  public BootResult {
    messages = List.copyOf(messages);
  }

  static BootResult started(RunningBackend backend, EmbeddedDatabase embeddedDatabase) {
    return new BootResult(STARTED, backend, List.of(), embeddedDatabase);
  }

  static BootResult failed(int exitCode, List<String> messages) {
    return new BootResult(exitCode, null, messages, null);
  }

  /** Stops the backend, then the embedded database it used; nothing when it did not start. */
  public void stop() {
    try {
      if (backend != null) {
        backend.close();
      }
    } finally {
      if (embeddedDatabase != null) {
        embeddedDatabase.close();
      }
    }
  }

  public boolean isStarted() {
    return backend != null;
  }
}
