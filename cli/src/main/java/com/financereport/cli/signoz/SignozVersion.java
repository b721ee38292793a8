package com.financereport.cli.signoz;

import com.financereport.cli.OperationFailedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SigNoz release reported by /api/v1/version; it picks the API generation to speak. */
public record SignozVersion(int major, int minor, int patch, String raw) {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

  public static SignozVersion parse(String raw) {
    Matcher matcher = VERSION.matcher(raw == null ? "" : raw.trim());
    if (!matcher.matches()) {
      throw new OperationFailedException("SigNoz reported an unreadable version '" + raw + "'");
    }
    return new SignozVersion(
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)),
        matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)),
        raw.trim());
  }

  public boolean atLeast(int wantedMajor, int wantedMinor) {
    return major != wantedMajor ? major > wantedMajor : minor >= wantedMinor;
  }

  /** From v0.118 API keys belong to service accounts; up to v0.117 they are personal access tokens. */
  public boolean usesServiceAccounts() {
    return atLeast(0, 118);
  }

  /** v0.132 moved role assignment to /api/v1/service_account_roles. */
  public boolean hasServiceAccountRolesEndpoint() {
    return atLeast(0, 132);
  }

  /** The e-mail/password session login of v0.100 and later. */
  public boolean hasSessionLogin() {
    return atLeast(0, 100);
  }

  /** The v5 query_range API of v0.87 and later. */
  public boolean hasQueryRangeV5() {
    return atLeast(0, 87);
  }

  @Override
  public String toString() {
    return raw;
  }
}
