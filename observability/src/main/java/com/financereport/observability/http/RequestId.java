package com.financereport.observability.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id: the caller's X-Request-ID when it is safe to log and echo (1-128 characters of
 * letters, digits, '.', '_' or '-'), otherwise a new UUID. Anything else could smuggle newlines,
 * markup or a secret into every log line of the request.
 */
public final class RequestId {
  public static final String HEADER = "X-Request-ID";
  public static final String MDC_KEY = "request_id";

  private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9._-]{1,128}$");

  private RequestId() {}

  public static boolean isValid(String candidate) {
    return candidate != null && VALID.matcher(candidate).matches();
  }

  /** The candidate when valid, else a fresh random UUID. */
  public static String resolve(String candidate) {
    return isValid(candidate) ? candidate : UUID.randomUUID().toString();
  }
}
