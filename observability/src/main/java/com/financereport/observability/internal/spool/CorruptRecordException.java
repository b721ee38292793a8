package com.financereport.observability.internal.spool;

/** A spooled line that fails its checksum or does not describe a log record. */
final class CorruptRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CorruptRecordException(String message) {
    super(message, null, false, false);
  }
}
