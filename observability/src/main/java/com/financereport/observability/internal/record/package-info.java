/**
 * The OTLP log record our appender builds, immutable from the moment it is emitted.
 *
 * <p>The SDK's logger builds a mutable record (a hash map of attributes behind a lock), and the
 * SDK's batch processor then copies each one into an immutable, sorted form before export: two
 * builds of the same record, one on the application's thread and one on the batch processor's.
 * Our appender has the whole event at hand at once, so {@link
 * com.financereport.observability.internal.record.RecordEmitter} builds the final record once, with
 * attribute keys that are made once per name (the exporter caches a key's UTF-8 bytes on the key),
 * and hands it to the same processors. The SDK's {@code BatchLogRecordProcessor} and its OTLP/HTTP
 * exporter are unchanged; {@code toLogRecordData()} returns the record itself.
 */
package com.financereport.observability.internal.record;
