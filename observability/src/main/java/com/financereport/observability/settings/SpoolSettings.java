package com.financereport.observability.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The disk spool that keeps records while the collector is unreachable.
 *
 * @param directory the service's spool folder (OBSERVABILITY_SPOOL_DIR; default per user and
 *     service, see {@link ObservabilitySettings#spoolDirectory}); each process works in an
 *     instance folder of its own inside it
 * @param maxBytes OBSERVABILITY_SPOOL_MAX_BYTES; default 256 MiB
 * @param maxAge OBSERVABILITY_SPOOL_MAX_AGE; default 7 days
 * @param serviceName the service.name the spool belongs to: records written under another are
 *     never replayed by it
 * @param environment the deployment.environment the spool belongs to, checked the same way
 */
public record SpoolSettings(
    Path directory, long maxBytes, Duration maxAge, String serviceName, String environment) {
  public SpoolSettings {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(environment, "environment");
  }
}
