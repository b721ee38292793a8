package com.financereport.backend.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Where Redis is, from REDIS_URL: {@code redis://[[user]:password@]host[:6379][/db]}, or {@code
 * rediss://} for TLS. The password never appears in {@link #toString()} or in an error.
 */
public record RedisSettings(
    String host, int port, int database, String user, String password, boolean tls) {

  public static final int DEFAULT_PORT = 6379;
  private static final String EXPECTED =
      " must look like redis://[:password@]host:6379[/database] (or rediss:// for TLS)";

  /** Parses the URL; returns null and adds one error naming {@code key} when it is malformed. */
  static RedisSettings parse(String key, String raw, List<String> errors) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      errors.add(key + EXPECTED);
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      errors.add(key + EXPECTED);
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      errors.add(key + " has no host name; it" + EXPECTED);
      return null;
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    int database = 0;
    if (!path.isEmpty() && !path.equals("/")) {
      try {
        database = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        database = -1;
      }
      if (database < 0) {
        errors.add(key + " database must be a whole number such as /0; it" + EXPECTED);
        return null;
      }
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? "" : info.substring(0, colon));
      password = decode(colon < 0 ? info : info.substring(colon + 1));
      if (user.isEmpty()) {
        user = null;
      }
      if (password.isEmpty()) {
        password = null;
      }
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    return new RedisSettings(uri.getHost(), port, database, user, password, scheme.equals("rediss"));
  }

  /** host:port/database, safe to print. */
  public String location() {
    return host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "RedisSettings[" + (tls ? "rediss://" : "redis://")
        + (user == null ? "" : user) + (password == null ? "" : ":****") + (user != null || password != null ? "@" : "")
        + location() + "]";
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
