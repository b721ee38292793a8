package com.financereport.cli.output;

import com.financereport.cli.ExitCode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints a list of checks as a table or JSON, says which checks proved something, and turns them
 * into the exit code.
 *
 * <p>A report may name the one check that proves its purpose (for verify, the canary found in
 * SigNoz). When that check did not pass, the report fails even with no FAIL among the checks:
 * nothing was proven. Only an explicit allowance (verify's --allow-skip) accepts that.
 */
public final class CheckReport {
  private final List<CheckResult> results;
  private final String proofCheck;
  private final boolean unprovenAllowed;

  public CheckReport(List<CheckResult> results) {
    this(results, null, false);
  }

  private CheckReport(List<CheckResult> results, String proofCheck, boolean unprovenAllowed) {
    this.results = List.copyOf(results);
    this.proofCheck = proofCheck;
    this.unprovenAllowed = unprovenAllowed;
  }

  /**
   * @param check the check whose OK proves what the command is for
   * @param allowUnproven whether the report may pass when that check was skipped
   */
  public CheckReport provenBy(String check, boolean allowUnproven) {
    return new CheckReport(results, check, allowUnproven);
  }

  public boolean failed() {
    return failedCount() > 0 || (unproven().isPresent() && !unprovenAllowed);
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
      if (proofCheck != null) {
        document.put("proof", proofCheck);
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
    Optional<CheckResult> unproven = unproven();
    if (unproven.isEmpty()) {
      return style.good("PASS");
    }
    String why = unproven.get().name() + " " + unproven.get().verdict() + ": " + unproven.get().detail();
    return unprovenAllowed
        ? style.warning("PASS") + " without proof (--allow-skip): " + why
        : style.bad("FAIL") + " not proven: " + why + " (--allow-skip accepts a run without that proof)";
  }

  private long failedCount() {
    return results.stream().filter(CheckResult::failed).count();
  }

  /** The proof check, when one is named and it did not pass. */
  private Optional<CheckResult> unproven() {
    if (proofCheck == null) {
      return Optional.empty();
    }
    return results.stream()
        .filter(r -> r.name().equals(proofCheck))
        .findFirst()
        .or(() -> Optional.of(CheckResult.skipped(proofCheck, "not run")))
        .filter(r -> r.verdict() != CheckResult.Verdict.OK);
  }
}
