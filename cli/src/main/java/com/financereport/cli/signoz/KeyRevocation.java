package com.financereport.cli.signoz;

import com.financereport.cli.OperationFailedException;

/** Takes back a key this run created when a later step fails, so no unused key stays valid. */
final class KeyRevocation {
  private KeyRevocation() {}

  /** @return a sentence for the error message saying whether the clean-up worked */
  static String undo(ApiKeyApi keys, CreatedApiKey created) {
    try {
      keys.revoke(created.asListed());
      return "the new key " + created.id() + " was revoked again";
    } catch (OperationFailedException e) {
      return "revoking the new key " + created.id() + " failed too (" + e.getMessage() + "); revoke it by hand";
    }
  }
}
