package com.financereport.cli.signoz;

import com.financereport.cli.vault.SecretPath;
import com.financereport.cli.vault.SecretUpdater;
import com.financereport.cli.vault.VersionedSecret;
import java.util.Optional;

/**
 * Where the platform's SigNoz key lives in Vault (by default secret/platform/{env}/signoz). Writes
 * merge into the secret with check-and-set, so fields other tools keep there survive.
 */
final class SignozKeyVault {
  static final String API_KEY = "api_key";
  static final String API_KEY_NAME = "api_key_name";
  static final String API_KEY_ID = "api_key_id";
  static final String URL = "url";

  private final SecretUpdater updater;
  private final SecretPath path;

  SignozKeyVault(SecretUpdater updater, SecretPath path) {
    this.updater = updater;
    this.path = path;
  }

  SecretPath path() {
    return path;
  }

  Optional<StoredSignozKey> read() {
    VersionedSecret secret = updater.current(path);
    String id = secret.data().get(API_KEY_ID);
    if (id == null) {
      return Optional.empty();
    }
    return Optional.of(
        new StoredSignozKey(
            secret.data().get(API_KEY), secret.data().get(API_KEY_NAME), id, secret.data().get(URL)));
  }

  /** @return the version written */
  int store(CreatedApiKey key, String url) {
    return updater
        .update(
            path,
            fields -> {
              fields.put(API_KEY, key.key());
              fields.put(API_KEY_NAME, key.name());
              fields.put(API_KEY_ID, key.id());
              fields.put(URL, url);
              return fields;
            })
        .after()
        .version();
  }
}
