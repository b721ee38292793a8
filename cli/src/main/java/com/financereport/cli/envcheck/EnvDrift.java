package com.financereport.cli.envcheck;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The three-way comparison between the secrets template, the keys the service's settings read,
 * and {@code .env.example}.
 *
 * <p>Two differences are errors: a secret the template renders that no setting reads (an unused
 * secret, usually a rename left behind), and a setting {@code .env.example} does not document.
 * The rest is information: settings with no secret (most have defaults), documented keys no
 * setting reads.
 *
 * @param templateKeys null when there is no template to compare
 */
public record EnvDrift(Set<String> templateKeys, Set<String> settingsKeys, Set<String> exampleKeys) {

  public EnvDrift {
    templateKeys = templateKeys == null ? null : Set.copyOf(templateKeys);
    settingsKeys = Set.copyOf(settingsKeys);
    exampleKeys = Set.copyOf(exampleKeys);
  }

  public boolean templateMissing() {
    return templateKeys == null;
  }

  /** Error: rendered by the template, read by no setting. */
  public List<String> unusedSecrets() {
    return templateKeys == null ? List.of() : minus(templateKeys, settingsKeys);
  }

  /** Error: read by a setting, missing from .env.example. */
  public List<String> undocumented() {
    return minus(settingsKeys, exampleKeys);
  }

  /** Information: documented in .env.example but read by no setting. */
  public List<String> documentedButUnread() {
    return minus(exampleKeys, settingsKeys);
  }

  /** Information: read by a setting, not provided by the template (fine when it has a default). */
  public List<String> notInTemplate() {
    return templateKeys == null ? List.of() : minus(settingsKeys, templateKeys);
  }

  public boolean failed() {
    return !unusedSecrets().isEmpty() || !undocumented().isEmpty();
  }

  private static List<String> minus(Collection<String> from, Collection<String> remove) {
    TreeSet<String> result = new TreeSet<>(from);
    result.removeAll(remove);
    return List.copyOf(result);
  }
}
