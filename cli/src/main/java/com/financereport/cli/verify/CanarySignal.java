package com.financereport.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The signals verify can prove with a canary: where it is sent, what its checks are called, and how
 * a SigNoz row is recognised as the canary. Logs always; traces with {@code --trace}.
 */
enum CanarySignal {
  LOGS("logs", "/v1/logs", "canary sent", "canary in signoz"),
  TRACES("traces", "/v1/traces", "canary trace sent", "canary trace in signoz");

  private final String signal;
  private final String otlpPath;
  private final String sentCheck;
  private final String foundCheck;

  CanarySignal(String signal, String otlpPath, String sentCheck, String foundCheck) {
    this.signal = signal;
    this.otlpPath = otlpPath;
    this.sentCheck = sentCheck;
    this.foundCheck = foundCheck;
  }

  /** The v5 builder query's {@code signal}. */
  String signal() {
    return signal;
  }

  /** The OTLP/HTTP path the collector receives this signal on. */
  String otlpPath() {
    return otlpPath;
  }

  String sentCheck() {
    return sentCheck;
  }

  /** The check whose OK proves this signal reaches SigNoz. */
  String foundCheck() {
    return foundCheck;
  }

  /**
   * Whether a row's {@code data} is the canary. A log row carries its attributes in
   * attributes_string; a trace row carries only the columns asked for, so the trace query selects
   * the canary id as a column of its own name.
   */
  boolean isCanary(JsonNode row, String canaryId) {
    String key = CanarySender.CANARY_ID.getKey();
    return switch (this) {
      case LOGS ->
          canaryId.equals(row.path("attributes_string").path(key).asText(null))
              || row.path("body").asText("").contains(canaryId);
      case TRACES -> canaryId.equals(row.path(key).asText(null));
    };
  }
}
