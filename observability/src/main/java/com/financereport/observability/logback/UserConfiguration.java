package com.financereport.observability.logback;

/**
 * Which Logback configuration files the application brings. Logback's own files take precedence
 * over the zero-code set-up; Spring Boot's are read by Spring Boot later, at application start.
 */
final class UserConfiguration {
  static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";
  static final String SPRING_CONFIG_PROPERTY = "logging.config";

  private UserConfiguration() {}

  /** A file Logback itself reads at its first use. */
  static boolean present(ClassLoader loader) {
    if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null) {
      return true;
    }
    ClassLoader effective = effective(loader);
    return effective.getResource("logback-test.xml") != null
        || effective.getResource("logback.xml") != null;
  }

  /** A file Spring Boot's logging system reads once the application starts. */
  static boolean springBootFilePresent(ClassLoader loader) {
    if (System.getProperty(SPRING_CONFIG_PROPERTY) != null) {
      return true;
    }
    ClassLoader effective = effective(loader);
    return effective.getResource("logback-spring.xml") != null
        || effective.getResource("logback-test-spring.xml") != null;
  }

  private static ClassLoader effective(ClassLoader loader) {
    return loader != null ? loader : UserConfiguration.class.getClassLoader();
  }
}
