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
 * Polls SigNoz until the canary shows up: query_range v5 first, then v4 and v3 when SigNoz answers
 * 404 or 400 (an older release that lacks v5 or reads its body differently).
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

  CheckResult find(String service, String environment, String canaryId, long sentAtMs) {
    List<CanaryQuery> versions = List.of(CanaryQuery.values());
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
                  query.body(service, environment, canaryId, sentAtMs - 300_000, clock.millis() + 60_000));
          if (containsCanary(query.rows(data), canaryId)) {
            return CheckResult.ok(
                VerifyCommand.CANARY_IN_SIGNOZ,
                "found through " + query.path() + " after " + attempt + " attempt(s)");
          }
          break;
        } catch (SignozApiException e) {
          boolean olderApi = e.status() == 404 || e.status() == 400;
          if (olderApi && version < versions.size() - 1) {
            version++;
            continue;
          }
          return CheckResult.fail(VerifyCommand.CANARY_IN_SIGNOZ, e.getMessage());
        } catch (OperationFailedException e) {
          return CheckResult.fail(VerifyCommand.CANARY_IN_SIGNOZ, e.getMessage());
        }
      }
    }
    return CheckResult.fail(
        VerifyCommand.CANARY_IN_SIGNOZ,
        "id " + canaryId + " not found after " + attempts + " attempt(s), " + interval.toMillis() + " ms apart");
  }

  private static boolean containsCanary(List<JsonNode> rows, String canaryId) {
    return rows.stream()
        .anyMatch(
            row ->
                canaryId.equals(row.path("attributes_string").path(CanarySender.CANARY_ID.getKey()).asText(null))
                    || row.path("body").asText("").contains(canaryId));
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
