package com.financereport.observability.spool;

/**
 * What the spool holds and what it did since start; fold it into {@code ExportStatus}.
 *
 * @param spooled records on disk waiting for delivery now
 * @param spooledBytes bytes of segment files on disk now
 * @param oldestSpooledAgeMillis age of the oldest waiting record (by its observed time), 0 when
 *     empty
 * @param replayed records delivered from disk to the collector
 * @param droppedForBudget records discarded, oldest first, to stay within the byte budget or the age
 *     limit
 * @param corruptSkipped spooled lines skipped because their checksum failed or they were torn
 * @param deadLettered records the collector refused for good (400, other 4xx, the refused part of a
 *     partial success), set aside in the dead-letter file instead of being retried; where they
 *     went, not an extra loss to add
 * @param dropped records lost that no failed {@code export} result reported: overflow the spool
 *     could not keep (directory or disk unusable, hand-off full, shut down) and spooled records the
 *     collector refused on replay
 */
public record SpoolStats(
    long spooled,
    long spooledBytes,
    long oldestSpooledAgeMillis,
    long replayed,
    long droppedForBudget,
    long corruptSkipped,
    long deadLettered,
    long dropped) {}
