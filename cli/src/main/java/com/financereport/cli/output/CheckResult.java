package com.financereport.cli.output;

/** One check's verdict and the reason for it, in a sentence. */
public record CheckResult(String name, Verdict verdict, String detail) {
  public enum Verdict {
    OK,
    FAIL,
    SKIPPED
  }

  public static CheckResult ok(String name, String detail) {
    return new CheckResult(name, Verdict.OK, detail);
  }

  public static CheckResult fail(String name, String detail) {
    return new CheckResult(name, Verdict.FAIL, detail);
  }

  public static CheckResult skipped(String name, String reason) {
    return new CheckResult(name, Verdict.SKIPPED, reason);
  }

  public boolean failed() {
    return verdict == Verdict.FAIL;
  }
}
