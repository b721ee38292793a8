package com.financereport.observability.internal.spool;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.List;

/**
 * A batch on its way from a spool to the collector.
 *
 * @param source the spool it was read from, which acknowledges or releases it
 * @param batch what was read; its records are the ones to send
 * @param foreign records of the same lines written under another owner: set aside as dead letters
 *     once the batch is acknowledged, never sent
 */
record ReplayBatch(DiskSpool source, SpoolBatch batch, List<LogRecordData> foreign) {
  List<LogRecordData> toSend() {
    return batch.records();
  }
}
