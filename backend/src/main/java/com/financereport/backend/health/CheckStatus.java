package com.financereport.backend.health;

/** The verdict on one dependency, as written in the /health body. */
public enum CheckStatus {
  UP("up"),
  DOWN("down"),
  /** Its variables are unset: the service runs without it and that is fine. */
  NOT_CONFIGURED("not_configured"),
  /** Working but impaired; used for telemetry, which never fails the service. */
  DEGRADED("degraded");

  private final String wireName;

  CheckStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
