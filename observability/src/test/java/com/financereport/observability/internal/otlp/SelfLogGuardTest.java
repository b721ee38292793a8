package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.otlp.SdkSelfLogRateLimiter;
import com.financereport.observability.internal.otlp.SelfLogGuard;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SelfLogGuardTest {
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  private final AtomicLong clock = new AtomicLong(1_000);
  private final LoggerContext context = new LoggerContext();
  private final SdkSelfLogRateLimiter limiter =
      new SdkSelfLogRateLimiter(Duration.ofMinutes(1), clock::get);
  private final SelfLogGuard guard = new SelfLogGuard(context, limiter, MINUTE, clock::get);

  @Test
  void theLimiterIsInPlaceFromStartUp() {
    assertThat(context.getTurboFilterList()).containsExactly(limiter);
  }

  @Test
  void theFirstSuccessTakesItOutWhenNothingHasFailedYet() {
    clock.addAndGet(1);

    guard.succeeded();

    assertThat(context.getTurboFilterList()).isEmpty();
  }

  @Test
  void itStaysWhileTheLastFailureIsRecent() {
    guard.failed();
    clock.addAndGet(MINUTE - 1);

    guard.succeeded();

    assertThat(context.getTurboFilterList()).containsExactly(limiter);
  }

  @Test
  void aFullIntervalOfSuccessAfterAFailureTakesItOut() {
    guard.failed();
    clock.addAndGet(MINUTE);

    guard.succeeded();

    assertThat(context.getTurboFilterList()).isEmpty();
  }

  @Test
  void theNextFailurePutsItBackOnce() {
    guard.succeeded();

    guard.failed();
    guard.failed();

    assertThat(context.getTurboFilterList()).containsExactly(limiter);
  }

  @Test
  void aFailureRestartsTheInterval() {
    clock.addAndGet(MINUTE - 10);
    guard.failed();
    clock.addAndGet(20);

    guard.succeeded();

    assertThat(context.getTurboFilterList()).containsExactly(limiter);
  }
}
