package com.financereport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** obs carries the service's settings, never the service: no backend, server, driver or AWS SDK. */
class ClasspathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.financereport.backend.FinanceReportBackend",
        "io.javalin.Javalin",
        "org.eclipse.jetty.server.Server",
        "org.postgresql.Driver",
        "redis.clients.jedis.Jedis",
        "software.amazon.awssdk.services.s3.S3Client"
      })
  void theBackendAndItsDependenciesAreNotOnObssClasspath(String className) {
    assertThat(isLoadable(className)).as(className + " on the CLI's classpath").isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.financereport.backend.settings.BackendSettings", "com.financereport.backend.settings.SettingsKeys"})
  void theServicesSettingsAre(String className) {
    assertThat(isLoadable(className)).isTrue();
  }

  private static boolean isLoadable(String className) {
    try {
      Class.forName(className, false, ClasspathTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
