package com.financereport.observability.internal.spool;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a spooled record from being sent under a service that did not write it (an older spool
 * layout, or a folder copied by hand): such records are set aside for the dead letters. Used by
 * the replayer's thread only.
 */
final class ForeignRecordFilter {
  private final SpoolOwner owner;
  private Resource lastResource;
  private boolean lastResourceOwned;

  ForeignRecordFilter(SpoolOwner owner) {
    this.owner = owner;
  }

  SpoolOwner owner() {
    return owner;
  }

  /** {@code read} with its foreign records moved out of the batch into {@link ReplayBatch#foreign}. */
  ReplayBatch split(ReplayBatch read) {
    List<LogRecordData> records = read.toSend();
    List<LogRecordData> foreign = null;
    List<LogRecordData> owned = records;
    for (int i = 0; i < records.size(); i++) {
      LogRecordData record = records.get(i);
      if (ownedByThisService(record.getResource())) {
        if (foreign != null) {
          owned.add(record);
        }
        continue;
      }
      if (foreign == null) {
        foreign = new ArrayList<>();
        owned = new ArrayList<>(records.subList(0, i));
      }
      foreign.add(record);
    }
    if (foreign == null) {
      return read;
    }
    SpoolBatch batch = read.batch();
    return new ReplayBatch(
        read.source(),
        new SpoolBatch(
            batch.segmentSequence(), batch.endOffset(), batch.lineCount(), owned,
            batch.lastObservedNanos()),
        foreign);
  }

  private boolean ownedByThisService(Resource resource) {
    // The codec shares one Resource instance among the records it decodes, so this is one check.
    if (resource != lastResource) {
      lastResource = resource;
      lastResourceOwned = owner.wrote(resource);
    }
    return lastResourceOwned;
  }
}
