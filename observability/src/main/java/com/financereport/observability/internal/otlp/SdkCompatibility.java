package com.financereport.observability.internal.otlp;

import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the OpenTelemetry SDK on the classpath has what the export pipeline is built on. A
 * framework's dependency management can lower the SDK (Spring Boot 3.5 manages 1.49, 4.0 1.55);
 * then building the exporter would fail with a NoClassDefFoundError at start-up. Instead export
 * stays off, stdout is unaffected, and one ERROR line names the version found and the fix.
 */
final class SdkCompatibility {
  /** The SDK version the library is built and tested with (the root pom's opentelemetry.version). */
  static final String BUILT_WITH = "1.68.0";

  /** Classes of the SDK the pipeline links against that older SDKs lack or keep elsewhere. */
  static final List<String> REQUIRED =
      List.of(
          "io.opentelemetry.sdk.common.export.HttpSenderProvider",
          "io.opentelemetry.sdk.common.export.HttpSender",
          "io.opentelemetry.sdk.common.export.MessageWriter",
          "io.opentelemetry.sdk.common.export.HttpSenderConfig",
          "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider",
          "io.opentelemetry.exporter.internal.FailedExportException",
          "io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor");

  private static final String VERSION_RESOURCE = "io/opentelemetry/sdk/common/version.properties";
  // The classpath is the process's, so is its one line: said once, however often Logback is reset.
  private static final AtomicBoolean reported = new AtomicBoolean();

  private SdkCompatibility() {}

  /** True when the export can be built; otherwise reports why (once) and returns false. */
  static boolean usable(Logger report) {
    ClassLoader loader = SdkCompatibility.class.getClassLoader();
    Optional<String> missing = missingClass(loader);
    if (missing.isEmpty()) {
      return true;
    }
    if (reported.compareAndSet(false, true)) {
      report.error(explanation(missing.get(), foundVersion(loader)));
    }
    return false;
  }

  static Optional<String> missingClass(ClassLoader loader) {
    for (String name : REQUIRED) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** The SDK version from its own version file, or "unknown" when there is none. */
  static String foundVersion(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("sdk.version", "unknown");
    } catch (IOException | IllegalArgumentException e) {
      return "unknown";
    }
  }

  static String explanation(String missingClass, String foundVersion) {
    return "OTLP export is off: the OpenTelemetry SDK on the classpath is "
        + foundVersion
        + " and lacks "
        + missingClass
        + "; this library needs "
        + BUILT_WITH
        + ". Fix: align every io.opentelemetry artifact to "
        + BUILT_WITH
        + " (Spring Boot: use observability-spring-boot-starter, which brings its own SDK, or set"
        + " the Maven property opentelemetry.version to "
        + BUILT_WITH
        + "). Logs still go to stdout.";
  }
}
