package com.financereport.cli.signoz;

/**
 * An API key as listed; never holds the key value.
 *
 * @param role ADMIN/EDITOR/VIEWER for personal access tokens; empty for service-account keys,
 *     whose role belongs to the account
 * @param expiresAt unix seconds, 0 = never
 * @param ownerId the service account holding the key (v0.118+), null for personal access tokens
 */
public record ApiKey(String id, String name, String role, long expiresAt, String ownerId, String ownerName) {

  /** Whether a key with this expiry (unix seconds, 0 = never) no longer works at {@code clock}'s now. */
  static boolean expired(long expiresAt, java.time.Clock clock) {
    return expiresAt != 0 && expiresAt <= clock.instant().getEpochSecond();
  }
}
