package com.financereport.cli.envcheck;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The three-way comparison between the secrets template, the keys the service's settings read,
 * and {@code .env.example}.
 *
 * <p>Errors: no template at all; a secret the template renders that no setting reads (an unused
 * secret, usually a rename left behind); a key a deployed service reads that the template does not
 * render (the deploy would run on a default); a setting {@code .env.example} does not document.
 * The rest is information: settings the template need not render (aliases), documented keys no
 * setting reads.
 *
 * @param templateKeys null when there is no template to compare
 * @param deployedKeys the settings keys a deployed service must get from the template
 */
public record EnvDrift(
    Set<String> templateKeys, Set<String> settingsKeys, Set<String> deployedKeys, Set<String> exampleKeys) {

  public EnvDrift {
    templateKeys = templateKeys == null ? null : Set.copyOf(templateKeys);
    settingsKeys = Set.copyOf(settingsKeys);
    deployedKeys = Set.copyOf(deployedKeys);
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

  /** Error: a deployed service reads it, the template does not render it. */
  public List<String> notRendered() {
    return templateKeys == null ? List.of() : minus(deployedKeys, templateKeys);
  }

  /** Information: read by a setting, not rendered, and not needed from the template (an alias). */
  public List<String> notInTemplate() {
    if (templateKeys == null) {
      return List.of();
    }
    TreeSet<String> result = new TreeSet<>(minus(settingsKeys, templateKeys));
    result.removeAll(deployedKeys);
    return List.copyOf(result);
  }

  /** How many errors the check found; a missing template counts as one. */
  public int errorCount() {
    return (templateMissing() ? 1 : 0)
        + unusedSecrets().size()
        + notRendered().size()
        + undocumented().size();
  }

  public boolean failed() {
    return errorCount() > 0;
  }

  private static List<String> minus(Collection<String> from, Collection<String> remove) {
    TreeSet<String> result = new TreeSet<>(from);
    result.removeAll(remove);
    return List.copyOf(result);
  }
}
