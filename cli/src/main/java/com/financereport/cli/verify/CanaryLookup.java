package com.financereport.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.cli.OperationFailedException;
import com.financereport.cli.output.CheckResult;
import com.financereport.cli.signoz.SignozApiException;
import com.financereport.cli.signoz.SignozConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Polls SigNoz until the canary of one signal shows up: query_range v5 first, then (for logs) v4
 * and v3 when SigNoz answers 404 or 400 (an older release that lacks v5 or reads its body
 * differently).
 */
final class CanaryLookup {
  private final SignozConnection signoz;
  private final int attempts;
  private final Duration interval;
  private final Clock clock;

  CanaryLookup(SignozConnection signoz, int attempts, Duration interval, Clock clock) {
    this.signoz = signoz;
    this.attempts = attempts;
    this.interval = interval;
    this.clock = clock;
  }

  CheckResult find(CanarySignal signal, String service, String environment, String canaryId, long sentAtMs) {
    String check = signal.foundCheck();
    List<CanaryQuery> versions = CanaryQuery.versionsFor(signal);
    int version = 0;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        pause();
      }
      while (true) {
        CanaryQuery query = versions.get(version);
        try {
          JsonNode data =
              signoz.post(
                  query.path(),
                  query.body(signal, service, environment, canaryId, sentAtMs - 300_000, clock.millis() + 60_000));
          if (query.rows(data).stream().anyMatch(row -> signal.isCanary(row, canaryId))) {
            return CheckResult.ok(
                check,
                "found through " + query.path() + " after " + attempt + " attempt(s)");
          }
          break;
        } catch (SignozApiException e) {
          boolean olderApi = e.status() == 404 || e.status() == 400;
          if (olderApi && version < versions.size() - 1) {
            version++;
            continue;
          }
          return CheckResult.fail(check, e.getMessage());
        } catch (OperationFailedException e) {
          return CheckResult.fail(check, e.getMessage());
        }
      }
    }
    return CheckResult.fail(
        check,
        "id " + canaryId + " not found after " + attempts + " attempt(s), " + interval.toMillis() + " ms apart");
  }

  private void pause() {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationFailedException("interrupted while waiting for the canary");
    }
  }
}
