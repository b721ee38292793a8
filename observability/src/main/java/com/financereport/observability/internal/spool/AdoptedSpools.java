package com.financereport.observability.internal.spool;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The spools of dead instances this process took over, delivered after its own, oldest adopted
 * first; each is removed, folder and all, once empty. Looked for again every 10 s, since a replica
 * may die at any time. Read and changed by the replayer's thread; counted from any thread.
 */
final class AdoptedSpools {
  private static final long ADOPTION_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final ServiceSpools spools;
  private final Logger logger;
  private final List<DiskSpool> adopted = new CopyOnWriteArrayList<>();
  private long lastAdoptionNanos;

  AdoptedSpools(ServiceSpools spools, Logger logger) {
    this.spools = spools;
    this.logger = logger;
  }

  /** Takes over the folders of instances that died; those without records are removed. */
  void adoptDeadInstances() {
    lastAdoptionNanos = System.nanoTime();
    for (DiskSpool found : spools.adoptDeadInstances()) {
      if (found.open() && found.hasBacklog()) {
        adopted.add(found);
        logger.info(
            "Adopted the spool of a stopped instance of this service: {} log record(s) in {}",
            found.spooledRecords(),
            found.directory());
      } else {
        found.closeAndRemoveIfEmpty();
      }
    }
  }

  /** As {@link #adoptDeadInstances}, when the last look is long enough ago. */
  void adoptIfDue() {
    if (System.nanoTime() - lastAdoptionNanos > ADOPTION_INTERVAL_NANOS) {
      adoptDeadInstances();
    }
  }

  /** Records waiting in the adopted spools. */
  long records() {
    long total = 0;
    for (DiskSpool spool : adopted) {
      total += spool.spooledRecords();
    }
    return total;
  }

  /** A batch from the oldest adopted spool with records, or null. */
  ReplayBatch read(int maxRecords) {
    while (!adopted.isEmpty()) {
      DiskSpool other = adopted.get(0);
      SpoolBatch batch = other.read(maxRecords);
      if (batch != null) {
        return new ReplayBatch(other, batch, List.of());
      }
      if (other.hasBacklog()) {
        return null; // nothing readable right now
      }
      adopted.remove(other);
      other.closeAndRemoveIfEmpty();
    }
    return null;
  }

  /** What is left stays for the next process to adopt. */
  void closeAll() {
    for (DiskSpool other : adopted) {
      other.close();
    }
  }
}
