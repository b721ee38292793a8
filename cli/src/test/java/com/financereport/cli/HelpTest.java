package com.financereport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "verify",
        "env",
        "env check",
        "env set",
        "env get",
        "signoz",
        "signoz status",
        "signoz api-key",
        "signoz api-key create",
        "signoz api-key list",
        "signoz api-key revoke",
        "signoz api-key rotate"
      })
  void everyCommandHasHelpWithTheExitCodes(String command) {
    String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
    CliRun run = CliRun.run(Path.of("."), Map.of(), args);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Exit codes: 0 ok, 1 check or operation failed, 2 usage or configuration error.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"verify --no-such-option", "env set", "signoz api-key revoke"})
  void usageErrorsExitWithTwo(String command) {
    assertThat(CliRun.run(Path.of("."), Map.of(), command.split(" ")).exitCode()).isEqualTo(2);
  }
}
