package com.financereport.cli.signoz;

import com.financereport.cli.CliContext;
import com.financereport.cli.ExitCode;
import com.financereport.cli.output.JsonOutput;
import com.financereport.cli.output.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code obs signoz api-key list}: the keys SigNoz knows, never their values. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists SigNoz API keys (id, name, role, owner, expiry); key values are never shown.",
    footer = ExitCode.FOOTER)
final class ApiKeyListCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin SignozOptions signoz;

  ApiKeyListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    SignozSession session = signoz.open(context);
    List<ApiKey> keys = session.keys().list();
    if (signoz.json()) {
      List<Map<String, Object>> rows =
          keys.stream()
              .map(
                  k -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", k.id());
                    row.put("name", k.name());
                    row.put("role", k.role());
                    row.put("owner", k.ownerName());
                    row.put("expires_at", k.expiresAt());
                    return row;
                  })
              .toList();
      new JsonOutput().print(context.out(), JsonOutput.object("generation", session.keys().generation(), "keys", rows));
      return ExitCode.OK;
    }
    Table table = new Table("ID", "NAME", "ROLE", "OWNER", "EXPIRES");
    keys.forEach(
        k ->
            table.row(
                k.id(),
                k.name(),
                k.role(),
                k.ownerName() == null ? "" : k.ownerName(),
                k.expiresAt() == 0 ? "never" : Instant.ofEpochSecond(k.expiresAt()).toString()));
    table.print(context.out());
    context.out().printf("%d key(s), %s, SigNoz %s%n", keys.size(), session.keys().generation(), session.version().raw());
    context.out().flush();
    return ExitCode.OK;
  }
}
