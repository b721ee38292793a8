package com.financereport.observability.otlp;

import io.opentelemetry.sdk.logs.ReadWriteLogRecord;

/**
 * Where records go when the in-memory export queue is full, so that none is lost silently. The
 * default counts them as dropped and warns at most once a minute; a disk spool can take them
 * instead ({@link SpoolStage}).
 *
 * <p>Called on the application thread that logged, once per record that did not fit:
 * implementations must be quick and must not log through Logback more than a bounded number of
 * times. A sink that keeps the record calls {@link ReadWriteLogRecord#toLogRecordData()}; the
 * default only counts, so an overflowing queue costs the application thread next to nothing.
 */
@FunctionalInterface
public interface OverflowSink {
  void accept(ReadWriteLogRecord record);
}
