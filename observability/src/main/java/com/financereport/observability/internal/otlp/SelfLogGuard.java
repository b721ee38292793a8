package com.financereport.observability.internal.otlp;

import ch.qos.logback.classic.LoggerContext;
import java.util.function.LongSupplier;

/**
 * Keeps the {@link SdkSelfLogRateLimiter} in the Logback context only while the collector is
 * failing. A turbo filter is consulted on every logger call of the process, including the many
 * disabled debug checks of a web server (measured: 4.7 us of CPU per request of the reference
 * backend); the SDK only complains when exports fail.
 *
 * <p>It is in place from start-up and comes out at the first successful export if none has failed
 * yet (a healthy service pays for it for a second or so, not a minute); after a failure it comes
 * out only once a full interval has passed in which every export succeeded, and it goes back at
 * the next failure. The SDK logs a failure before its result reaches
 * us, so the first line of a new episode may pass unwindowed: at most one extra line per logger per
 * episode, and episodes are at least an interval apart.
 */
final class SelfLogGuard {
  private final LoggerContext context;
  private final SdkSelfLogRateLimiter limiter;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private volatile long lastFailureNanos;

  SelfLogGuard(
      LoggerContext context, SdkSelfLogRateLimiter limiter, long intervalNanos, LongSupplier nanoClock) {
    this.context = context;
    this.limiter = limiter;
    this.intervalNanos = intervalNanos;
    this.nanoClock = nanoClock;
    // As if the last failure were a full interval ago: the first success may take it out.
    this.lastFailureNanos = nanoClock.getAsLong() - intervalNanos;
    install();
  }

  /** An export attempt failed: the SDK is about to complain, at a bounded rate. */
  void failed() {
    lastFailureNanos = nanoClock.getAsLong();
    install();
  }

  /** The collector accepted an attempt. */
  void succeeded() {
    if (nanoClock.getAsLong() - lastFailureNanos >= intervalNanos) {
      uninstall();
    }
  }

  void uninstall() {
    context.getTurboFilterList().remove(limiter);
  }

  private void install() {
    context.getTurboFilterList().addIfAbsent(limiter); // atomic: the list is copy-on-write
  }
}
