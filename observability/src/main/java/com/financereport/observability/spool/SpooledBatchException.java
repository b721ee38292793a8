package com.financereport.observability.spool;

/**
 * The failure a {@link SpoolingLogRecordExporter} reports for a batch it wrote to disk without
 * trying the network, because older records were still waiting there: the batch is safe, but not
 * delivered yet.
 */
public final class SpooledBatchException extends Exception {
  private static final long serialVersionUID = 1L;

  SpooledBatchException(String message) {
    super(message, null, false, false);
  }
}
