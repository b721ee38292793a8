package com.financereport.observability.internal.spool;

import com.financereport.observability.settings.SpoolSettings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The service a spool belongs to: its service.name and deployment.environment. Each instance
 * folder records it in {@code owner}; a process adopts only folders of its own owner, and replays a
 * record only when the resource it was written with names the same owner.
 */
record SpoolOwner(String serviceName, String environment) {
  static final String FILE_NAME = "owner";
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final AttributeKey<String> ENVIRONMENT =
      AttributeKey.stringKey("deployment.environment");
  private static final AttributeKey<String> ENVIRONMENT_NAME =
      AttributeKey.stringKey("deployment.environment.name");

  static SpoolOwner of(SpoolSettings settings) {
    return new SpoolOwner(settings.serviceName(), settings.environment());
  }

  /** The owner named by a record's resource (an absent attribute reads as empty). */
  static SpoolOwner of(Resource resource) {
    String environment = resource.getAttribute(ENVIRONMENT);
    if (environment == null) {
      environment = resource.getAttribute(ENVIRONMENT_NAME);
    }
    String service = resource.getAttribute(SERVICE_NAME);
    return new SpoolOwner(service == null ? "" : service, environment == null ? "" : environment);
  }

  /** Whether a record written with {@code resource} is this owner's. */
  boolean wrote(Resource resource) {
    return equals(of(resource));
  }

  @Override
  public String toString() {
    return "service.name=" + serviceName + ", deployment.environment=" + environment;
  }

  /** Properties format, so any value survives the round trip. */
  void writeTo(Path folder) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("service.name", serviceName);
    properties.setProperty("deployment.environment", environment);
    Path temporary = folder.resolve(FILE_NAME + ".tmp");
    try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      properties.store(out, "the service whose records this spool folder holds");
    }
    Files.move(
        temporary,
        folder.resolve(FILE_NAME),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The owner recorded in {@code folder}; empty when none is (a new folder). */
  static Optional<SpoolOwner> readFrom(Path folder) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(folder.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (NoSuchFileException none) {
      return Optional.empty();
    }
    return Optional.of(
        new SpoolOwner(
            properties.getProperty("service.name", ""),
            properties.getProperty("deployment.environment", "")));
  }
}
