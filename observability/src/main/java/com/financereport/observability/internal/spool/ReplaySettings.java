package com.financereport.observability.internal.spool;

import java.time.Duration;

/**
 * How the replayer sends the spool.
 *
 * @param batchSize records per replayed request
 * @param initialBackoff wait after the first failed replay, doubling up to {@code maxBackoff}
 * @param maxBackoff longest wait between replays
 * @param exportTimeout longest wait for one replayed request
 */
record ReplaySettings(int batchSize, Duration initialBackoff, Duration maxBackoff, Duration exportTimeout) {}
