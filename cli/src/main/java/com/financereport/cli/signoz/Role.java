package com.financereport.cli.signoz;

import java.util.Locale;

/** The three roles an API key can carry, spelled as each API generation wants them. */
public enum Role {
  ADMIN,
  EDITOR,
  VIEWER;

  /** Personal access tokens: ADMIN, EDITOR, VIEWER. */
  String patRole() {
    return name();
  }

  /** Service accounts: the managed roles signoz-admin, signoz-editor, signoz-viewer. */
  String managedRoleName() {
    return "signoz-" + name().toLowerCase(Locale.ROOT);
  }
}
