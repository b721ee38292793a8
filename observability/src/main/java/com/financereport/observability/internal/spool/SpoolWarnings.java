package com.financereport.observability.internal.spool;

import org.slf4j.Logger;

/**
 * The spool's two warnings, each logged once per episode so an outage does not flood stdout: a
 * bound reached (the episode ends when the spool is empty again) and a degraded disk or folder (it
 * ends with the next successful write). Not thread-safe: used under the spool's lock.
 */
final class SpoolWarnings {
  private final Logger logger;
  private boolean boundReported;
  private boolean failureReported;

  SpoolWarnings(Logger logger) {
    this.logger = logger;
  }

  void boundReached(String what) {
    if (!boundReported) {
      boundReported = true;
      logger.warn(
          "Log spool limit reached: {}. The oldest records go first; further drops are counted in"
              + " the export status (droppedForBudget) without another warning until the spool is"
              + " empty again",
          what);
    }
  }

  void degraded(String what, Exception e) {
    if (!failureReported) {
      failureReported = true;
      logger.warn(
          "Log spool degraded: {} ({}). Records that cannot be kept are counted as dropped; logs"
              + " still go to stdout",
          what,
          e.toString());
    }
  }

  void spoolEmptied() {
    boundReported = false;
  }

  void writeSucceeded() {
    failureReported = false;
  }
}
