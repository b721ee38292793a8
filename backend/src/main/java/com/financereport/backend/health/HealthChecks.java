package com.financereport.backend.health;

import com.financereport.observability.redaction.Redactor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every check at once on a small bounded executor and waits at most the timeout for all of
 * them together, so /health answers within budget even when a dependency hangs. A check that runs
 * out of time is cancelled and reported down.
 */
public final class HealthChecks implements AutoCloseable {
  // Threads are only held while a check runs; the clients' own timeouts free them soon after ours.
  private static final int MAX_THREADS = 32;

  private final Map<String, RegisteredCheck> checks;
  private final Duration timeout;
  private final FailureSummary failures;
  private final ThreadPoolExecutor executor;

  private record RegisteredCheck(HealthCheck check, boolean required) {}

  private HealthChecks(Map<String, RegisteredCheck> checks, Duration timeout, Redactor redactor) {
    this.checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    this.timeout = timeout;
    this.failures = new FailureSummary(redactor);
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            0,
            MAX_THREADS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "health-check-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  public static Builder builder(Duration timeout, Redactor redactor) {
    return new Builder(timeout, redactor);
  }

  /** Runs all checks concurrently; the verdict keeps registration order. */
  public HealthVerdict runAll() {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Future<CheckResult>> running = new LinkedHashMap<>();
    checks.forEach(
        (name, registered) -> {
          if (registered.check() != null) {
            running.put(name, submit(registered.check()));
          }
        });
    Map<String, CheckResult> results = new LinkedHashMap<>();
    boolean requiredDown = false;
    for (Map.Entry<String, RegisteredCheck> entry : checks.entrySet()) {
      Future<CheckResult> future = running.get(entry.getKey());
      CheckResult result = future == null ? CheckResult.notConfigured() : await(future, deadline);
      results.put(entry.getKey(), result);
      requiredDown |= entry.getValue().required() && result.status() == CheckStatus.DOWN;
    }
    return new HealthVerdict(results, !requiredDown);
  }

  private Future<CheckResult> submit(HealthCheck check) {
    try {
      return executor.submit(() -> timed(check));
    } catch (RejectedExecutionException e) {
      return java.util.concurrent.CompletableFuture.completedFuture(
          CheckResult.down("too many health checks in flight"));
    }
  }

  private CheckResult timed(HealthCheck check) {
    long start = System.nanoTime();
    CheckResult result;
    try {
      result = check.check();
    } catch (Exception e) {
      result = CheckResult.down(failures.of(e));
    }
    return result.withLatency(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private CheckResult await(Future<CheckResult> future, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return CheckResult.down("timed out after " + timeout.toMillis() + " ms")
          .withLatency(timeout.toMillis());
    } catch (ExecutionException e) {
      return CheckResult.down(failures.of(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return CheckResult.down("interrupted");
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** Collects the checks in the order /health lists them. */
  public static final class Builder {
    private final Duration timeout;
    private final Redactor redactor;
    private final Map<String, RegisteredCheck> checks = new LinkedHashMap<>();

    private Builder(Duration timeout, Redactor redactor) {
      this.timeout = timeout;
      this.redactor = redactor;
    }

    /**
     * A check whose "down" fails /health with 503; a null check means "not configured".
     */
    public Builder required(String name, HealthCheck check) {
      checks.put(name, new RegisteredCheck(check, true));
      return this;
    }

    /** A check that is shown but never fails /health (telemetry). */
    public Builder informational(String name, HealthCheck check) {
      checks.put(name, new RegisteredCheck(check, false));
      return this;
    }

    public HealthChecks build() {
      return new HealthChecks(checks, timeout, redactor);
    }
  }
}
