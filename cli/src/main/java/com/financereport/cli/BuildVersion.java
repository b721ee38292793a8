package com.financereport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version obs was built as: Maven writes it into obs-version.properties at build time. */
public final class BuildVersion implements IVersionProvider {
  private static final String RESOURCE = "obs-version.properties";

  /** The project version, e.g. 0.1.0-SNAPSHOT. */
  public static String version() {
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar; build obs with Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"obs " + version()};
  }
}
