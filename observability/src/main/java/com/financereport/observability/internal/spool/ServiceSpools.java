package com.financereport.observability.internal.spool;

import com.financereport.observability.settings.SpoolSettings;
import java.util.List;
import org.slf4j.ILoggerFactory;

/**
 * Builds the spools of one service alike: this process's own, in the instance folder it claims,
 * and those of dead instances it adopts. They differ only in their folder and in whom they wake.
 */
final class ServiceSpools {
  private final SpoolSettings settings;
  private final ServiceSpoolFolder folder;
  private final SpoolLimits limits;
  private final SpoolCounters counters;
  private final SpoolRecordCodec codec;
  private final ILoggerFactory loggers;

  ServiceSpools(
      SpoolSettings settings,
      long fsyncIntervalMillis,
      SpoolCounters counters,
      SpoolRecordCodec codec,
      ILoggerFactory loggers) {
    this.settings = settings;
    this.folder = new ServiceSpoolFolder(settings.directory(), SpoolOwner.of(settings));
    this.limits =
        new SpoolLimits(
            settings.maxBytes(),
            settings.maxAge().toMillis(),
            Math.max(64 * 1024, Math.min(8L << 20, settings.maxBytes() / 16)),
            fsyncIntervalMillis);
    this.counters = counters;
    this.codec = codec;
    this.loggers = loggers;
  }

  /** This process's spool; it signals {@code wakeup} after every append. Opened by the replayer. */
  DiskSpool own(ReplayWakeup wakeup) {
    return spool(folder::claim, wakeup);
  }

  /** The spools of instances that died (lock free, same owner), not opened yet. */
  List<DiskSpool> adoptDeadInstances() {
    return folder.adoptDeadInstances().stream()
        .map(instance -> spool(() -> instance, new ReplayWakeup())) // nothing appends to them
        .toList();
  }

  private DiskSpool spool(DiskSpool.InstanceOpener opener, ReplayWakeup wakeup) {
    return new DiskSpool(
        settings.directory(),
        opener,
        limits,
        System::currentTimeMillis,
        counters,
        codec,
        wakeup,
        loggers.getLogger(DiskSpool.class.getName()));
  }
}
