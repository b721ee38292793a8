/**
 * No log lost while the collector is away: a bounded disk spool below the OTLP sender.
 *
 * <p>{@link com.financereport.observability.internal.spool.SpoolingLogRecordExporter} wraps the exporter
 * that talks to the collector. {@code LiveExport} decides where a batch goes; batches that fail
 * with a retryable outcome, and everything behind them during an outage, go to the {@code
 * DiskSpool} of this process's instance folder, and the {@code SpoolReplayer} sends them again,
 * oldest first, also after a restart of the same service (same directory), or from the folder of
 * a replica that died ({@code AdoptedSpools}). {@code SpoolShutdown} ends it all by one deadline.
 *
 * <p>On disk: one locked {@code instance-<n>} folder per process, holding {@code
 * segment-<sequence>.jsonl} files of checksummed JSON lines ({@code
 * {"crc32c":"<8 hex>","record":{…}}}, written by {@code json/JsonWriter}), a {@code checkpoint}
 * and {@code dead-letter.jsonl}. The layout, and how to read it with {@code jq}, is in the guide
 * (docs/observability.md, "Spool file format").
 */
package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.spool.AdoptedSpools;
import com.financereport.observability.internal.spool.DiskSpool;
import com.financereport.observability.internal.spool.LiveExport;
import com.financereport.observability.internal.spool.SpoolReplayer;
import com.financereport.observability.internal.spool.SpoolShutdown;
