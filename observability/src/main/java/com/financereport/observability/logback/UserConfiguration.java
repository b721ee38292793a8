package com.financereport.observability.logback;

/** Whether the application brings its own Logback configuration, which then takes precedence. */
final class UserConfiguration {
  static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

  private UserConfiguration() {}

  static boolean present(ClassLoader loader) {
    if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null) {
      return true;
    }
    ClassLoader effective = loader != null ? loader : UserConfiguration.class.getClassLoader();
    return effective.getResource("logback-test.xml") != null
        || effective.getResource("logback.xml") != null;
  }
}
