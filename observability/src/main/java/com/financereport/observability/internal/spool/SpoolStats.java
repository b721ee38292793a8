package com.financereport.observability.internal.spool;

/**
 * What the spool holds and what it did since start; the export status reads it by name.
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
 * @param refusedOnReplay the part of {@code dropped} the collector refused on replay: the export
 *     status counts these as rejected, where the attempt was counted, not as the spool's loss
 */
public record SpoolStats(
    long spooled,
    long spooledBytes,
    long oldestSpooledAgeMillis,
    long replayed,
    long droppedForBudget,
    long corruptSkipped,
    long deadLettered,
    long dropped,
    long refusedOnReplay) {

  /** Records the spool could not keep: {@code dropped} without the refusals on replay. */
  public long unusable() {
    return dropped - refusedOnReplay;
  }
}
