package com.financereport.observability.otlp;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.Collection;

/**
 * Where records go when the in-memory export queue is full, so that none is lost silently. The
 * default counts them as dropped and warns at most once a minute; a disk spool can take them
 * instead (see {@link OtlpLogExport.Extensions}).
 *
 * <p>Called on the application thread that logged: implementations must be quick and must not
 * log through Logback themselves more than a bounded number of times.
 */
@FunctionalInterface
public interface OverflowSink {
  void accept(Collection<LogRecordData> records);
}
