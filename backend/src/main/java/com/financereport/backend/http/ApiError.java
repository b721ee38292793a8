package com.financereport.backend.http;

/**
 * An expected refusal with a status and a detail for the caller, answered as {@code {detail,
 * request_id}}. Not logged beyond the request line: it is not a fault of the service.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ApiError(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  public static ApiError badRequest(String detail) {
    return new ApiError(400, detail);
  }

  public static ApiError notFound(String detail) {
    return new ApiError(404, detail);
  }

  /** 503 for an endpoint whose dependency has no configuration, e.g. "database is not configured". */
  public static ApiError notConfigured(String dependency) {
    return new ApiError(503, dependency + " is not configured");
  }

  public int status() {
    return status;
  }
}
