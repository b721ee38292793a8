/**
 * No log lost while the collector is away: a bounded disk spool in front of the OTLP exporter.
 *
 * <p>{@link com.financereport.observability.spool.SpoolingLogRecordExporter} wraps the exporter
 * that talks to the collector. Batches that fail with a retryable outcome, and everything behind
 * them, are written to disk and sent again, oldest first, by a background thread, also after a
 * restart of the same service (same directory), or by another replica once this one is gone.
 *
 * <p>On disk, the service's spool directory (owner-only) holds one {@code instance-<n>} folder per
 * process, each locked by its process for as long as it runs; a process adopts the folders of
 * instances that died. In an instance folder (owner-only):
 *
 * <ul>
 *   <li>{@code lock}: the file the process holds an exclusive lock on.
 *   <li>{@code owner}: the service.name and deployment.environment whose records the folder
 *       holds, in properties format; nothing else adopts or replays the folder.
 *   <li>{@code segment-<16-digit sequence>.jsonl}: one record per line, {@code
 *       {"crc32c":"<8 hex>","record":{…}}}, the checksum being CRC32C over the record object's
 *       UTF-8 bytes. Read them with {@code jq '.record.body'}.
 *   <li>{@code checkpoint}: {@code segment=<sequence> offset=<byte>}, how far delivery got.
 *   <li>{@code dead-letter.jsonl} (and one older {@code dead-letter.1.jsonl}): records the
 *       collector refused for good, each line with a {@code reason} and the time.
 * </ul>
 */
package com.financereport.observability.spool;
