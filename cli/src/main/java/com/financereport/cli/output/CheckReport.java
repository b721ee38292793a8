package com.financereport.cli.output;

import com.financereport.cli.ExitCode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a list of checks as a table or JSON, says which checks proved something, and turns them
 * into the exit code.
 *
 * <p>A report may name the checks that prove its purpose (for verify, each canary found in
 * SigNoz). When one of them did not pass, the report fails even with no FAIL among the checks:
 * that was not proven. Only an explicit allowance (verify's --allow-skip) accepts that.
 */
public final class CheckReport {
  private final List<CheckResult> results;
  private final List<String> proofChecks;
  private final boolean unprovenAllowed;

  public CheckReport(List<CheckResult> results) {
    this(results, List.of(), false);
  }

  private CheckReport(List<CheckResult> results, List<String> proofChecks, boolean unprovenAllowed) {
    this.results = List.copyOf(results);
    this.proofChecks = List.copyOf(proofChecks);
    this.unprovenAllowed = unprovenAllowed;
  }

  /**
   * @param checks the checks whose OK proves what the command is for
   * @param allowUnproven whether the report may pass when such a check was skipped
   */
  public CheckReport provenBy(List<String> checks, boolean allowUnproven) {
    return new CheckReport(results, checks, allowUnproven);
  }

  public boolean failed() {
    return failedCount() > 0 || (!unproven().isEmpty() && !unprovenAllowed);
  }

  public int exitCode() {
    return failed() ? ExitCode.CHECK_FAILED : ExitCode.OK;
  }

  public void print(PrintWriter out, boolean json, boolean colour, Map<String, Object> extra) {
    List<String> proven = results.stream().filter(r -> r.verdict() == CheckResult.Verdict.OK).map(CheckResult::name).toList();
    List<String> notProven = results.stream().filter(r -> r.verdict() != CheckResult.Verdict.OK).map(CheckResult::name).toList();
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>(extra);
      document.put("ok", !failed());
      if (!proofChecks.isEmpty()) {
        document.put("proof", proofChecks);
        document.put("proven", unproven().isEmpty());
      }
      document.put("passed_checks", proven);
      document.put("unproven_checks", notProven);
      document.put(
          "checks",
          results.stream()
              .map(r -> JsonOutput.object("name", r.name(), "status", r.verdict().name(), "detail", r.detail()))
              .toList());
      new JsonOutput().print(out, document);
      return;
    }
    Style style = new Style(colour);
    Table table = new Table("CHECK", "STATUS", "DETAIL");
    for (CheckResult result : results) {
      String verdict =
          switch (result.verdict()) {
            case OK -> style.good("OK");
            case FAIL -> style.bad("FAIL");
            case SKIPPED -> style.warning("SKIPPED");
          };
      table.row(result.name(), verdict, result.detail());
    }
    table.print(out);
    out.println("proven: " + (proven.isEmpty() ? "nothing" : String.join(", ", proven)));
    if (!notProven.isEmpty()) {
      out.println("not proven: " + String.join(", ", notProven));
    }
    out.println(verdictLine(style));
    out.flush();
  }

  private String verdictLine(Style style) {
    long failed = failedCount();
    if (failed > 0) {
      return style.bad("FAIL") + " " + failed + " check(s) failed";
    }
    List<CheckResult> unproven = unproven();
    if (unproven.isEmpty()) {
      return style.good("PASS");
    }
    String why =
        String.join("; ", unproven.stream().map(r -> r.name() + " " + r.verdict() + ": " + r.detail()).toList());
    return unprovenAllowed
        ? style.warning("PASS") + " without proof (--allow-skip): " + why
        : style.bad("FAIL") + " not proven: " + why + " (--allow-skip accepts a run without that proof)";
  }

  private long failedCount() {
    return results.stream().filter(CheckResult::failed).count();
  }

  /** The proof checks that did not pass (a named check that never ran counts as skipped). */
  private List<CheckResult> unproven() {
    return proofChecks.stream()
        .map(
            check ->
                results.stream()
                    .filter(r -> r.name().equals(check))
                    .findFirst()
                    .orElse(CheckResult.skipped(check, "not run")))
        .filter(r -> r.verdict() != CheckResult.Verdict.OK)
        .toList();
  }
}
