package com.financereport.cli.signoz;

import com.financereport.cli.OperationFailedException;

/** SigNoz answered with an error status; the message carries the status and SigNoz's own words. */
public final class SignozApiException extends OperationFailedException {
  private static final long serialVersionUID = 1L;
  private final int status;

  SignozApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
