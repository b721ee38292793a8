package com.financereport.cli;

/**
 * A remote call failed (SigNoz, Vault, a collector); exits with 1. The message is one line that
 * names the request, the status and the server's own explanation, and never a secret.
 */
public class OperationFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OperationFailedException(String message) {
    super(message);
  }

  public OperationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
