package com.financereport.observability.internal.spool;

import java.util.concurrent.atomic.AtomicLong;

/** The running totals behind {@link SpoolStats}, shared by the spool's parts. */
final class SpoolCounters {
  final AtomicLong replayed = new AtomicLong();
  final AtomicLong droppedForBudget = new AtomicLong();
  final AtomicLong corruptSkipped = new AtomicLong();
  final AtomicLong deadLettered = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong refusedOnReplay = new AtomicLong();
}
