package com.financereport.observability.internal.export;

import io.opentelemetry.sdk.logs.export.LogRecordExporter;

/**
 * The bottom of a log export pipeline: each {@link #export} sends one batch to the collector once,
 * and its result is the collector's answer (a partial success included). Live batches and the
 * spool's replays are handed the same sender, so a sender that classifies and counts sees every
 * attempt, first or replayed, exactly once; the type says so where a plain exporter would not.
 */
public interface Sender extends LogRecordExporter {}
