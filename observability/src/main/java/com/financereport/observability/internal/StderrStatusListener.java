package com.financereport.observability.internal;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import java.io.PrintStream;

/**
 * Logback's own status, on stderr and only when something is wrong (WARN and ERROR). Without a
 * status listener Logback prints its whole status list on stdout as soon as one warning exists,
 * which breaks "one JSON object per line".
 */
final class StderrStatusListener implements StatusListener {
  private final PrintStream err;

  private StderrStatusListener(PrintStream err) {
    this.err = err;
  }

  /** Adds the listener unless the context already has one (Spring Boot's, or a user's). */
  static void installIfAbsent(Context context) {
    StatusManager statuses = context.getStatusManager();
    if (!statuses.getCopyOfStatusListenerList().isEmpty()) {
      return;
    }
    StderrStatusListener listener = new StderrStatusListener(System.err);
    // What went wrong before this point would otherwise never be seen.
    statuses.getCopyOfStatusList().forEach(listener::addStatusEvent);
    statuses.add(listener);
  }

  @Override
  public void addStatusEvent(Status status) {
    if (status.getEffectiveLevel() >= Status.WARN) {
      err.println("logback: " + status);
    }
  }
}
