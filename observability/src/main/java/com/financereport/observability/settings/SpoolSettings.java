package com.financereport.observability.settings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The disk spool that keeps records while the collector is unreachable.
 *
 * @param directory OBSERVABILITY_SPOOL_DIR; default {@code <java.io.tmpdir>/observability-spool/<service>}
 * @param maxBytes OBSERVABILITY_SPOOL_MAX_BYTES; default 256 MiB
 * @param maxAge OBSERVABILITY_SPOOL_MAX_AGE; default 7 days
 */
public record SpoolSettings(Path directory, long maxBytes, Duration maxAge) {}
