package com.financereport.observability.internal.spool;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.List;

/**
 * Records read from the head of the spool, with the position to acknowledge once they are
 * delivered.
 *
 * @param segmentSequence the segment they were read from
 * @param endOffset the byte offset just after the last line read
 * @param lineCount lines consumed, including skipped corrupt or expired ones
 * @param records the records to deliver, oldest first (may be empty when every line was skipped)
 * @param lastObservedNanos observed time of the last line read, a lower bound for what follows
 */
record SpoolBatch(
    long segmentSequence,
    long endOffset,
    int lineCount,
    List<LogRecordData> records,
    long lastObservedNanos) {}
