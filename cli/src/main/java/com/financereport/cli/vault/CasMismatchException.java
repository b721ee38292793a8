package com.financereport.cli.vault;

import com.financereport.cli.OperationFailedException;

/** Someone wrote the secret between our read and our write; re-read and try again. */
public final class CasMismatchException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  CasMismatchException(String message) {
    super(message);
  }
}
