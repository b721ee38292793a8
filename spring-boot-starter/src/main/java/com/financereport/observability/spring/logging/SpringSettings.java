package com.financereport.observability.spring.logging;

import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.EnvironmentKeys;
import com.financereport.observability.settings.ObservabilitySettings;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The library's settings for a Spring Boot application: the same variables as everywhere (each
 * also readable as a Spring property of the same name, e.g. from application.properties or a
 * test), plus Spring Boot's own names where the variables are unset.
 *
 * <ul>
 *   <li>Endpoint: {@code OTEL_EXPORTER_OTLP_LOGS_ENDPOINT}, then {@code
 *       OTEL_EXPORTER_OTLP_ENDPOINT}, then Boot's logs endpoint property ({@code
 *       management.opentelemetry.logging.export.otlp.endpoint} in 4.x, {@code
 *       management.otlp.logging.endpoint} in 3.x), a full URL used as given.
 *   <li>{@code service.name}: {@code OTEL_SERVICE_NAME}, then {@code spring.application.name}.
 * </ul>
 */
public final class SpringSettings {
  /** Spring Boot 4's logs endpoint property. */
  public static final String BOOT4_LOGS_ENDPOINT =
      "management.opentelemetry.logging.export.otlp.endpoint";
  /** Spring Boot 3's logs endpoint property. */
  public static final String BOOT3_LOGS_ENDPOINT = "management.otlp.logging.endpoint";
  static final String APPLICATION_NAME = "spring.application.name";

  private SpringSettings() {}

  /** The runtime for this Spring environment, given as a property lookup. */
  public static ObservabilityRuntime runtime(UnaryOperator<String> property) {
    return ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(variables(property)));
  }

  /** The variables the library reads, as this application sees them. */
  static Map<String, String> variables(UnaryOperator<String> property) {
    Map<String, String> variables = new HashMap<>();
    for (String key : EnvironmentKeys.ALL) {
      String value = property.apply(key);
      if (value != null) {
        variables.put(key, value);
      }
    }
    if (blank(variables.get(EnvironmentKeys.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT))
        && blank(variables.get(EnvironmentKeys.OTEL_EXPORTER_OTLP_ENDPOINT))) {
      String bootEndpoint = firstSet(property, BOOT4_LOGS_ENDPOINT, BOOT3_LOGS_ENDPOINT);
      if (bootEndpoint != null) {
        variables.put(EnvironmentKeys.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT, bootEndpoint);
      }
    }
    if (blank(variables.get(EnvironmentKeys.OTEL_SERVICE_NAME))) {
      String applicationName = property.apply(APPLICATION_NAME);
      if (!blank(applicationName)) {
        variables.put(EnvironmentKeys.OTEL_SERVICE_NAME, applicationName);
      }
    }
    return variables;
  }

  private static String firstSet(UnaryOperator<String> property, String... names) {
    for (String name : names) {
      String value = property.apply(name);
      if (!blank(value)) {
        return value;
      }
    }
    return null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
