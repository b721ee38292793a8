package com.financereport.cli.output;

import com.financereport.cli.ExitCode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a list of checks as a table or JSON, and turns them into the exit code. */
public final class CheckReport {
  private final List<CheckResult> results;

  public CheckReport(List<CheckResult> results) {
    this.results = List.copyOf(results);
  }

  public boolean failed() {
    return results.stream().anyMatch(CheckResult::failed);
  }

  public int exitCode() {
    return failed() ? ExitCode.CHECK_FAILED : ExitCode.OK;
  }

  public void print(PrintWriter out, boolean json, boolean colour, Map<String, Object> extra) {
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>(extra);
      document.put("ok", !failed());
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
    long failedCount = results.stream().filter(CheckResult::failed).count();
    out.println(failedCount == 0 ? style.good("PASS") : style.bad("FAIL") + " " + failedCount + " check(s) failed");
    out.flush();
  }
}
