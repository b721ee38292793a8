package com.financereport.cli.envcheck;

import com.financereport.observability.redaction.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines to add to {@code .env.example} for undocumented settings: each key with an empty
 * value and a comment. Secret-looking keys (judged by the same Redactor the logs use) get a comment
 * that says the value belongs in Vault, so nobody pastes a real one.
 */
public final class EnvExampleFix {
  private final Redactor redactor;

  public EnvExampleFix(Redactor redactor) {
    this.redactor = redactor;
  }

  public List<String> linesFor(List<String> undocumentedKeys) {
    List<String> lines = new ArrayList<>();
    for (String key : undocumentedKeys) {
      lines.add(
          redactor.isSecretKey(key)
              ? "# " + key + ": secret; the real value comes from Vault, never commit it here"
              : "# " + key + ": read by the service settings; document a safe example value");
      lines.add(key + "=");
    }
    return lines;
  }
}
