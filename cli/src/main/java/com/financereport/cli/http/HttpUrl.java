package com.financereport.cli.http;

import com.financereport.cli.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks an option or variable that must be an http(s) URL, so a bad one is a usage error. */
public final class HttpUrl {
  private HttpUrl() {}

  /**
   * @param name the option or variable, named in the error
   * @throws ConfigurationException unless {@code value} is an http:// or https:// URL with a host;
   *     the value is repeated only when it carries no user info (it may hold a credential)
   */
  public static URI require(String name, String value) {
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigurationException(
        name
            + " must be an http:// or https:// URL with a host, such as http://localhost:18000"
            + (value.contains("@") ? "" : " (got " + value + ")"));
  }
}
