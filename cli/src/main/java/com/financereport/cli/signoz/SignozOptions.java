package com.financereport.cli.signoz;

import com.financereport.cli.CliContext;
import com.financereport.cli.ConfigurationException;
import com.financereport.cli.RequestOptions;
import com.financereport.cli.http.JsonHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to reach and log in to SigNoz: shared by every signoz command. */
public final class SignozOptions {
  @Option(names = "--url", paramLabel = "URL", description = "SigNoz base URL (default: $SIGNOZ_URL).")
  String url;

  @Mixin RequestOptions request;

  @Option(
      names = "--password-stdin",
      description = "Read the SIGNOZ_EMAIL account's password from standard input.")
  boolean passwordStdin;


  URI baseUrl(CliContext context) {
    return baseUrlIfGiven(context)
        .orElseThrow(() -> new ConfigurationException("SigNoz URL missing: pass --url or set SIGNOZ_URL"));
  }

  /** The SigNoz URL when --url or SIGNOZ_URL gives one; checked as {@link #baseUrl}. */
  Optional<URI> baseUrlIfGiven(CliContext context) {
    String value = url != null ? url : context.variable("SIGNOZ_URL");
    if (value == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(value.replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("SigNoz URL is not a valid URL");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new ConfigurationException("SigNoz URL must look like https://signoz.example.com");
    }
    return Optional.of(uri);
  }

  /** Connects, asks the version, logs in and picks the API generation. */
  SignozSession open(CliContext context) {
    SignozConnection anonymous = SignozConnection.anonymous(new JsonHttpClient(timeout()), baseUrl(context));
    SignozVersion version = anonymous.version();
    SignozConnection authenticated = new SignozLogin(context, passwordStdin).authenticate(anonymous, version);
    return new SignozSession(version, authenticated, ApiKeyApi.forVersion(version, authenticated));
  }

  boolean json() {
    return request.json();
  }

  Duration timeout() {
    return request.timeout();
  }
}
