package com.financereport.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void columnsAreAlignedIgnoringColourCodes() {
    StringWriter out = new StringWriter();
    new Table("CHECK", "STATUS", "DETAIL")
        .row("health", new Style(true).good("OK"), "200")
        .row("canary in signoz", "SKIPPED", "no key")
        .print(new PrintWriter(out));
    String[] lines = out.toString().split("\n");
    assertThat(lines[1].replaceAll("\u001B\\[[0-9;]*m", "").indexOf("200"))
        .isEqualTo(lines[2].indexOf("no key"));
  }
}
