package com.financereport.cli.signoz;

/** Checks that SigNoz accepts a key: any answer but 401 means the key authenticated. */
final class KeyProbe {
  private KeyProbe() {}

  static void requireAccepted(SignozConnection withKey, String path) {
    try {
      withKey.get(path);
    } catch (SignozApiException e) {
      if (e.status() != 403) {
        throw e;
      }
      // 403: authenticated, just not allowed to list; the key works.
    }
  }
}
