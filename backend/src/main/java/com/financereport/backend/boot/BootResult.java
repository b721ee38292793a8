package com.financereport.backend.boot;

import com.financereport.backend.RunningBackend;
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
 */
public record BootResult(int exitCode, RunningBackend backend, List<String> messages) {
  public static final int STARTED = 0;
  public static final int STARTUP_FAILED = 1;
  public static final int INVALID_CONFIGURATION = 2;

  public BootResult {
    messages = List.copyOf(messages);
  }

  static BootResult started(RunningBackend backend) {
    return new BootResult(STARTED, backend, List.of());
  }

  static BootResult failed(int exitCode, List<String> messages) {
    return new BootResult(exitCode, null, messages);
  }

  public boolean isStarted() {
    return backend != null;
  }
}
