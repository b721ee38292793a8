package com.financereport.cli.vault;

import com.financereport.cli.OperationFailedException;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Changes some fields of a secret without losing anybody else's: read, apply the change, write with
 * check-and-set on the version read. When another writer got in between, read again and re-apply,
 * a bounded number of times.
 */
public final class SecretUpdater {
  public static final int DEFAULT_ATTEMPTS = 5;

  private final VaultClient vault;
  private final int maxAttempts;

  public SecretUpdater(VaultClient vault, int maxAttempts) {
    this.vault = vault;
    this.maxAttempts = maxAttempts;
  }

  /** What was there before and what was written. */
  public record Update(VersionedSecret before, VersionedSecret after, int attempts) {}

  public VersionedSecret current(SecretPath path) {
    return vault.read(path).orElse(VersionedSecret.absent());
  }

  /**
   * @param change computes the new fields from the current ones; called again after every
   *     concurrent write, so it must not have side effects
   */
  public Update update(SecretPath path, UnaryOperator<Map<String, String>> change) {
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      VersionedSecret before = current(path);
      Map<String, String> fields = change.apply(new java.util.TreeMap<>(before.data()));
      try {
        int version = vault.write(path, fields, before.version());
        return new Update(before, new VersionedSecret(fields, version), attempt);
      } catch (CasMismatchException concurrentWrite) {
        // Another writer changed the secret since our read: start over from its version.
      }
    }
    throw new OperationFailedException(
        "Vault write "
            + path
            + " failed: the secret changed concurrently "
            + maxAttempts
            + " times in a row; nothing was written");
  }
}
