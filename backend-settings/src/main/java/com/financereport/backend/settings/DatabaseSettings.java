package com.financereport.backend.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the PostgreSQL database is, from DATABASE_URL. Accepts {@code
 * postgres://user:password@host:5432/db}, {@code postgresql://…} and {@code
 * jdbc:postgresql://host:5432/db?user=…&password=…}; other query parameters (sslmode …) are passed
 * to the driver. The password never appears in {@link #toString()} or in an error.
 *
 * @param jdbcUrl the URL without credentials, e.g. jdbc:postgresql://host:5432/db
 * @param properties driver properties from the query string, credentials removed
 */
public record DatabaseSettings(
    String host, int port, String database, String user, String password, String jdbcUrl,
    Map<String, String> properties) {

  public static final int DEFAULT_PORT = 5432;
  private static final String EXPECTED =
      " must look like postgres://user:password@host:5432/database"
          + " (schemes postgres, postgresql or jdbc:postgresql)";

  public DatabaseSettings {
    properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** Parses the URL; returns null and adds one error naming {@code key} when it is malformed. */
  static DatabaseSettings parse(String key, String raw, List<String> errors) {
    String candidate = raw;
    if (candidate.regionMatches(true, 0, "jdbc:", 0, 5)) {
      candidate = candidate.substring(5);
    }
    URI uri;
    try {
      uri = new URI(candidate);
    } catch (URISyntaxException e) {
      errors.add(key + EXPECTED);
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
      errors.add(key + EXPECTED);
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      errors.add(key + " has no host name" + "; it" + EXPECTED);
      return null;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isEmpty() || database.contains("/")) {
      errors.add(key + " has no database name; it" + EXPECTED);
      return null;
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();

    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    Map<String, String> properties = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        switch (name) {
          case "user" -> user = value;
          case "password" -> password = value;
          default -> properties.put(name, value);
        }
      }
    }
    if (user != null && user.isEmpty()) {
      user = null;
    }
    String jdbcUrl = "jdbc:postgresql://" + hostForUrl(uri.getHost()) + ":" + port + "/" + path.substring(1);
    return new DatabaseSettings(uri.getHost(), port, database, user, password, jdbcUrl, properties);
  }

  /** host:port/database, safe to print. */
  public String location() {
    return host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + (user == null ? "" : user + (password == null ? "" : ":****") + "@")
        + location() + ", properties=" + properties.keySet() + "]";
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
