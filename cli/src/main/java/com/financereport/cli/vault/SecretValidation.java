package com.financereport.cli.vault;

import com.financereport.backend.settings.BackendSettings;
import com.financereport.backend.settings.SettingsKeys;
import com.financereport.cli.ConfigurationException;
import com.financereport.observability.internal.settings.EnvironmentGuard;
import com.financereport.observability.settings.EnvironmentKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code obs env set} checks, with the validation the service starts with ({@link
 * BackendSettings}, which holds the library's {@code ObservabilitySettings} and its {@link
 * EnvironmentGuard}), so a value the service would refuse at deploy is refused here. Nothing
 * invalid reaches Vault.
 *
 * <p>The service names the variable first in every message; a message is about the variable it
 * starts with. Before Vault is contacted, only the given values are judged ({@link #given}); a rule
 * that joins a given key with one already stored is judged on the merged secret ({@link #merged}).
 */
final class SecretValidation {
  private final String environment;
  private final boolean allowUnknown;

  /**
   * @param environment the --env being written, which the Vault template renders as ENVIRONMENT
   * @param allowUnknown whether keys no setting reads may be written
   */
  SecretValidation(String environment, boolean allowUnknown) {
    this.environment = environment;
    this.allowUnknown = allowUnknown;
  }

  /** Refuses unknown keys, a name that disagrees with --env, and any value the service would refuse. */
  void given(Map<String, String> requested) {
    TreeSet<String> unknown = new TreeSet<>(requested.keySet());
    unknown.removeAll(SettingsKeys.ALL);
    if (!unknown.isEmpty() && !allowUnknown) {
      throw new ConfigurationException(
          "the service reads no "
              + String.join(", ", unknown)
              + " (a typo or a renamed setting?); nothing was written. Use --allow-unknown to write it anyway");
    }
    Map<String, String> names = new LinkedHashMap<>();
    names.put("--env", environment);
    names.put(EnvironmentKeys.ENVIRONMENT, requested.get(EnvironmentKeys.ENVIRONMENT));
    names.put(EnvironmentKeys.ENV, requested.get(EnvironmentKeys.ENV));
    List<String> problems = new ArrayList<>(EnvironmentGuard.disagreements(names));

    Map<String, String> service = asRendered(requested);
    BackendSettings settings = BackendSettings.fromEnvironment(service);
    List<String> all = new ArrayList<>(settings.allErrors());
    all.addAll(settings.observability().warnings());
    all.stream().filter(problem -> aboutOneOf(problem, service)).forEach(problems::add);
    refuseIfAny(problems, "refused before contacting Vault");
  }

  /** Refuses a merged secret the service would not start with; nothing is written then. */
  void merged(Map<String, String> secret) {
    Map<String, String> rendered = asRendered(secret);
    refuseIfAny(
        BackendSettings.fromEnvironment(rendered).allErrors().stream()
            .filter(problem -> !aRequiredKeyStillMissing(problem, rendered))
            .toList(),
        "the secret after this change would stop the service at start; nothing was written");
  }

  /**
   * A required key the secret does not hold yet (DATABASE_URL in production) is a secret being
   * built up one key at a time, not a contradiction between its values: the service's start refuses
   * it with exit 2 if it is still missing then.
   */
  private static boolean aRequiredKeyStillMissing(String problem, Map<String, String> secret) {
    int space = problem.indexOf(' ');
    String key = space < 0 ? problem : problem.substring(0, space);
    return !secret.containsKey(key) && problem.startsWith(key + " is required");
  }

  /** The environment the service gets: the secret's keys, with ENVIRONMENT as the template renders it. */
  private Map<String, String> asRendered(Map<String, String> secret) {
    Map<String, String> rendered = new LinkedHashMap<>(secret);
    rendered.remove(EnvironmentKeys.ENV);
    rendered.put(EnvironmentKeys.ENVIRONMENT, environment);
    return rendered;
  }

  private static boolean aboutOneOf(String problem, Map<String, String> keys) {
    for (String key : keys.keySet()) {
      if (problem.startsWith(key)
          && (problem.length() == key.length() || !isKeyChar(problem.charAt(key.length())))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static void refuseIfAny(List<String> problems, String consequence) {
    if (!problems.isEmpty()) {
      throw new ConfigurationException(consequence + ": " + String.join("; ", problems));
    }
  }
}
