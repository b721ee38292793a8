package com.financereport.observability.internal.spool;

/**
 * The bounds a {@link DiskSpool} keeps to.
 *
 * @param maxBytes byte budget over all segment files; past it whole segments go, oldest first
 * @param maxAgeMillis records older than this (by observed time) are dropped
 * @param segmentBytes a segment rolls to a new file once it would grow past this
 * @param fsyncIntervalMillis at most one fsync per interval (plus one per roll and close)
 */
record SpoolLimits(long maxBytes, long maxAgeMillis, long segmentBytes, long fsyncIntervalMillis) {}
