package com.financereport.observability.internal.export;

/**
 * How an export ends when the collector answered 2xx but refused some of the records: the rest
 * were delivered, the refused ones must not be retried. Which records were refused the collector
 * does not say.
 */
public final class PartialSuccessException extends Exception {
  private static final int MAX_MESSAGE_CHARS = 256;

  private final long accepted;
  private final long rejected;
  private final String collectorMessage;

  PartialSuccessException(int batchSize, PartialSuccess answer) {
    super(null, null, false, false);
    this.rejected = Math.min(batchSize, answer.rejected());
    this.accepted = batchSize - rejected;
    String message = answer.errorMessage();
    this.collectorMessage =
        message.length() > MAX_MESSAGE_CHARS
            ? message.substring(0, MAX_MESSAGE_CHARS) + "…"
            : message;
  }

  /**
   * The records of a batch of {@code batchSize} that did not reach the collector, given the
   * failure its export ended with: the refused ones for a partial success, otherwise all.
   */
  public static long undelivered(Throwable failure, long batchSize) {
    return failure instanceof PartialSuccessException partial ? partial.rejected : batchSize;
  }

  public long accepted() {
    return accepted;
  }

  public long rejected() {
    return rejected;
  }

  /** The collector's {@code error_message}, at most 256 characters; may be empty. */
  public String collectorMessage() {
    return collectorMessage;
  }

  /** "the collector refused 3 of 512 records (partial success): <its message>". */
  @Override
  public String getMessage() {
    return "the collector refused "
        + rejected
        + " of "
        + batch()
        + " records (partial success)"
        + withCollectorMessage();
  }

  /** The short form for a dead-letter line: "partial success, 3 of 512 refused: <its message>". */
  public String reason() {
    return "partial success, " + rejected + " of " + batch() + " refused" + withCollectorMessage();
  }

  private long batch() {
    return accepted + rejected;
  }

  private String withCollectorMessage() {
    return collectorMessage.isBlank() ? "" : ": " + collectorMessage;
  }
}
