package com.financereport.cli.vault;

import com.financereport.cli.ConfigurationException;
import com.financereport.observability.settings.EnvironmentKeys;
import com.financereport.observability.settings.ObservabilitySettings;
import java.util.Map;

/**
 * Refuses an OTEL_RESOURCE_ATTRIBUTES whose deployment.environment names another environment than
 * the one being edited: the service would file its logs under the wrong environment. The value is
 * read by the library's own settings parser, so the guard sees exactly what the service would.
 */
final class ResourceEnvironmentGuard {
  private ResourceEnvironmentGuard() {}

  static void check(Map<String, String> requested, String environment) {
    String attributes = requested.get(EnvironmentKeys.OTEL_RESOURCE_ATTRIBUTES);
    if (attributes == null) {
      return;
    }
    ObservabilitySettings settings =
        ObservabilitySettings.fromEnvironment(
            Map.of(
                EnvironmentKeys.OTEL_RESOURCE_ATTRIBUTES, attributes,
                EnvironmentKeys.ENVIRONMENT, environment));
    if (!settings.environment().trim().equalsIgnoreCase(environment.trim())) {
      throw new ConfigurationException(
          EnvironmentKeys.OTEL_RESOURCE_ATTRIBUTES
              + " sets deployment.environment="
              + settings.environment()
              + " but --env is "
              + environment
              + "; logs would be filed under the wrong environment (use --force to write it anyway)");
    }
  }
}
