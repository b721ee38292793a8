package com.financereport.backend.health;

import com.financereport.observability.redaction.Redactor;

/**
 * Turns an exception into the short reason /health shows: the root cause's type and first line,
 * redacted and capped, because driver messages can be long and may echo connection details.
 */
public final class FailureSummary {
  private static final int MAX_LENGTH = 200;

  private final Redactor redactor;

  public FailureSummary(Redactor redactor) {
    this.redactor = redactor;
  }

  public String of(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String text = root.getClass().getSimpleName();
    if (message != null && !message.isBlank()) {
      int newline = message.indexOf('\n');
      text += ": " + (newline < 0 ? message : message.substring(0, newline)).trim();
    }
    text = redactor.redactText(text);
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }
}
