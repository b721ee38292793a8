package com.financereport.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version the build wrote into backend-version.properties. */
final class BackendVersion {
  private BackendVersion() {}

  static String read() {
    Properties properties = new Properties();
    try (InputStream in = BackendVersion.class.getResourceAsStream("/backend-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("backend-version.properties is unreadable", e);
    }
    String version = properties.getProperty("version", "unknown");
    return version.startsWith("${") ? "unknown" : version;
  }
}
