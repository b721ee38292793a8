package com.financereport.observability.internal.export;

import java.net.URI;

/** An endpoint as it may be shown: scheme://host:port/path, never user info, query or fragment. */
public final class SafeLocation {
  private SafeLocation() {}

  public static String of(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
