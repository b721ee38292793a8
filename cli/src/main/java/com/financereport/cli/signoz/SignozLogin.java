package com.financereport.cli.signoz;

import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.OperationFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns the credentials in the environment into an authenticated connection: an existing admin
 * key (SIGNOZ_API_KEY) wins; otherwise SIGNOZ_EMAIL with SIGNOZ_PASSWORD (or the password on
 * stdin) logs in, through the session API from v0.100 or /api/v1/login before it.
 */
final class SignozLogin {
  private final CliContext context;
  private final boolean passwordFromStdin;

  SignozLogin(CliContext context, boolean passwordFromStdin) {
    this.context = context;
    this.passwordFromStdin = passwordFromStdin;
  }

  SignozConnection authenticate(SignozConnection anonymous, SignozVersion version) {
    String apiKey = context.variable("SIGNOZ_API_KEY");
    if (apiKey != null && !passwordFromStdin) {
      return anonymous.withApiKey(apiKey);
    }
    String email = context.variable("SIGNOZ_EMAIL");
    if (email == null) {
      throw new ConfigurationException(
          "no SigNoz credentials: set SIGNOZ_API_KEY, or SIGNOZ_EMAIL with SIGNOZ_PASSWORD (or --password-stdin)");
    }
    String password = passwordFromStdin ? readPasswordFromStdin() : context.variable("SIGNOZ_PASSWORD");
    if (password == null) {
      throw new ConfigurationException("SIGNOZ_EMAIL is set but SIGNOZ_PASSWORD is not (or use --password-stdin)");
    }
    return anonymous.withAccessToken(login(anonymous, version, email, password));
  }

  private static String login(SignozConnection anonymous, SignozVersion version, String email, String password) {
    if (!version.hasSessionLogin()) {
      return legacyLogin(anonymous, email, password);
    }
    try {
      return sessionLogin(anonymous, email, password);
    } catch (SignozApiException e) {
      // v0.100 to v0.108 have both logins; a build without the session API answers 404.
      if (e.status() == 404 && !version.atLeast(0, 109)) {
        return legacyLogin(anonymous, email, password);
      }
      throw e;
    }
  }

  private static String sessionLogin(SignozConnection anonymous, String email, String password) {
    String query =
        "?email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&ref="
            + URLEncoder.encode(anonymous.base().toString(), StandardCharsets.UTF_8);
    JsonNode context = anonymous.get("/api/v2/sessions/context" + query);
    String orgId = context.path("orgs").path(0).path("id").asText(null);
    if (orgId == null) {
      throw new OperationFailedException("SigNoz login failed: no organisation for this e-mail address");
    }
    JsonNode session =
        anonymous.post(
            "/api/v2/sessions/email_password",
            Map.of("email", email, "password", password, "orgId", orgId));
    return requireToken(session.path("accessToken").asText(null));
  }

  private static String legacyLogin(SignozConnection anonymous, String email, String password) {
    JsonNode login = anonymous.post("/api/v1/login", Map.of("email", email, "password", password));
    return requireToken(login.path("accessJwt").asText(null));
  }

  private static String requireToken(String token) {
    if (token == null || token.isEmpty()) {
      throw new OperationFailedException("SigNoz login failed: the answer carried no access token");
    }
    return token;
  }

  private String readPasswordFromStdin() {
    try {
      String line =
          new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new ConfigurationException("--password-stdin: nothing on standard input");
      }
      return line;
    } catch (IOException e) {
      throw new ConfigurationException("--password-stdin: cannot read standard input");
    }
  }
}
