package com.financereport.backend.http;

/**
 * A configured dependency failed while serving a request. Answered 503 "{dependency} is
 * unavailable" and logged as "HTTP Request Failed" with its cause.
 */
public final class DependencyUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String dependency;

  public DependencyUnavailableException(String dependency, Throwable cause) {
    super(dependency + " is unavailable", cause);
    this.dependency = dependency;
  }

  public String dependency() {
    return dependency;
  }
}
