package com.financereport.observability.internal.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's spool folder: one {@code instance-<n>} folder per running process. A process takes
 * the lowest-numbered free folder of its own owner (so a restarted single replica finds its own
 * records), and adopts the other free ones that hold records: those of replicas that died.
 */
final class ServiceSpoolFolder {
  static final String INSTANCE_PREFIX = "instance-";
  private static final Logger logger = LoggerFactory.getLogger(ServiceSpoolFolder.class);
  // Far more replicas than one host runs; past it something is wrong with the folder.
  private static final int MAX_INSTANCES = 1024;

  private final Path folder;
  private final SpoolOwner owner;

  ServiceSpoolFolder(Path folder, SpoolOwner owner) {
    this.folder = folder;
    this.owner = owner;
  }

  /** Locks an instance folder of this owner for this process, creating one if all are held. */
  InstanceFolder claim() throws IOException {
    PrivateFolder.ensure(folder);
    for (int n = 1; n <= MAX_INSTANCES; n++) {
      Optional<InstanceFolder> locked = InstanceFolder.tryLock(folder.resolve(INSTANCE_PREFIX + n));
      if (locked.isEmpty()) {
        continue;
      }
      InstanceFolder instance = locked.get();
      Optional<SpoolOwner> recorded = readOwner(instance);
      if (recorded.isEmpty()) {
        owner.writeTo(instance.path());
        return instance;
      }
      if (recorded.get().equals(owner)) {
        return instance;
      }
      instance.close(); // another environment's records: left for their own service
    }
    throw new IOException(
        "all " + MAX_INSTANCES + " instance folders in " + folder + " are in use or not this service's");
  }

  /**
   * Locks the free instance folders of this owner that hold records (their process is gone), and
   * removes the free ones that hold nothing. The caller replays and then releases each.
   */
  List<InstanceFolder> adoptDeadInstances() {
    List<InstanceFolder> adopted = new ArrayList<>();
    adoptEarlierLayout().ifPresent(adopted::add);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, INSTANCE_PREFIX + "*")) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          adopt(entry).ifPresent(adopted::add);
        }
      }
    } catch (IOException e) {
      logger.warn("Could not look for spools of stopped instances in {}: {}", folder, e.toString());
    }
    return adopted;
  }

  /**
   * Segments an earlier version of the library wrote straight into the service's folder, before
   * instance folders: adopted like a dead instance (their records are checked one by one).
   */
  private Optional<InstanceFolder> adoptEarlierLayout() {
    try (DirectoryStream<Path> segments =
        Files.newDirectoryStream(folder, SpoolSegment.PREFIX + "*" + SpoolSegment.SUFFIX)) {
      if (!segments.iterator().hasNext()) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return adopt(folder);
  }

  private Optional<InstanceFolder> adopt(Path entry) {
    try {
      Optional<InstanceFolder> locked = InstanceFolder.tryLock(entry);
      if (locked.isEmpty()) {
        return Optional.empty(); // a live process holds it
      }
      InstanceFolder instance = locked.get();
      Optional<SpoolOwner> recorded = readOwner(instance);
      if (recorded.isPresent() && !recorded.get().equals(owner)) {
        instance.close();
        return Optional.empty();
      }
      if (!instance.holdsRecords()) {
        instance.removeIfEmptyAndRelease();
        return Optional.empty();
      }
      return Optional.of(instance);
    } catch (IOException e) {
      logger.warn("Could not adopt the spool in {}: {}", entry, e.toString());
      return Optional.empty();
    }
  }

  private static Optional<SpoolOwner> readOwner(InstanceFolder instance) throws IOException {
    try {
      return SpoolOwner.readFrom(instance.path());
    } catch (IOException e) {
      instance.close();
      throw e;
    }
  }
}
