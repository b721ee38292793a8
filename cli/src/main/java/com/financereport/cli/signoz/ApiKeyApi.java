package com.financereport.cli.signoz;

import java.util.List;

/** Creating, listing and revoking API keys; one implementation per SigNoz API generation. */
public interface ApiKeyApi {

  /** The generation the version calls for: personal access tokens up to v0.117, service accounts from v0.118. */
  static ApiKeyApi forVersion(SignozVersion version, SignozConnection connection) {
    return version.usesServiceAccounts()
        ? new ServiceAccountKeyApi(connection, version)
        : new PersonalAccessTokenApi(connection);
  }

  /**
   * @param expiryDays 0 = never; SigNoz rejects a negative value
   */
  CreatedApiKey create(String name, Role role, int expiryDays);

  /** The keys that are still valid: neither revoked nor expired. */
  List<ApiKey> list();

  void revoke(ApiKey key);

  /**
   * An authenticated call made with {@code key}, proving SigNoz accepts it. A 403 proves it too:
   * the key is valid but its role may not list keys.
   */
  void probe(String key);

  /** A short label for output: "personal access tokens" or "service accounts". */
  String generation();
}
