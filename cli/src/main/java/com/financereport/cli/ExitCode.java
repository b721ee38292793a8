package com.financereport.cli;

/** The exit codes every obs command uses; the help footer documents the same three. */
public final class ExitCode {
  public static final int OK = 0;
  /** A check ran and found a problem, or an operation against SigNoz or Vault failed. */
  public static final int CHECK_FAILED = 1;
  /** Wrong options, or missing/invalid configuration (an unset VAULT_ADDR, a missing file). */
  public static final int USAGE_OR_CONFIGURATION = 2;

  public static final String FOOTER =
      "%nExit codes: 0 ok, 1 check or operation failed, 2 usage or configuration error.";

  private ExitCode() {}
}
