package com.financereport.observability.internal.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process's spool folder, held with an exclusive lock on its {@code lock} file for as long as
 * the process uses it: no second process writes or reads it meanwhile. When the process dies the
 * operating system frees the lock, and another process of the same service may adopt the folder.
 */
final class InstanceFolder implements AutoCloseable {
  static final String LOCK_FILE = "lock";
  // What a folder without records still holds; the lock goes last.
  private static final java.util.List<String> BOOKKEEPING =
      java.util.List.of(
          SpoolCheckpoint.FILE_NAME,
          SpoolCheckpoint.FILE_NAME + ".tmp",
          SpoolOwner.FILE_NAME,
          SpoolOwner.FILE_NAME + ".tmp",
          LOCK_FILE);
  // A lock belongs to the whole process, and closing any channel on the file frees it: folders
  // this JVM holds are tracked here and never opened a second time (two pipelines in one JVM).
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private InstanceFolder(Path path, FileChannel channel, FileLock lock) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code folder} (created owner-only if missing); empty when another process, or another
   * pipeline of this one, holds it.
   */
  static Optional<InstanceFolder> tryLock(Path folder) throws IOException {
    Path key = folder.toAbsolutePath().normalize();
    if (!HELD_IN_THIS_JVM.add(key)) {
      return Optional.empty();
    }
    try {
      Optional<InstanceFolder> locked = lockFile(key);
      if (locked.isEmpty()) {
        HELD_IN_THIS_JVM.remove(key);
      }
      return locked;
    } catch (IOException | RuntimeException e) {
      HELD_IN_THIS_JVM.remove(key);
      throw e;
    }
  }

  private static Optional<InstanceFolder> lockFile(Path folder) throws IOException {
    PrivateFolder.ensure(folder);
    Path lockFile = folder.resolve(LOCK_FILE);
    Object before = fileKey(lockFile);
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException | IOException e) {
      channel.close();
      throw e instanceof IOException io ? io : new IOException(e);
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    // An adopter removes a folder while it holds its lock: a lock won on a file that was removed
    // (or replaced) meanwhile is worthless, so check that the path still names the locked file.
    Object after = fileKey(lockFile);
    if (after == null || (before != null && !Objects.equals(before, after))) {
      lock.release();
      channel.close();
      return Optional.empty();
    }
    return Optional.of(new InstanceFolder(folder, channel, lock));
  }

  private static Object fileKey(Path file) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      Object key = attributes.fileKey();
      return key != null ? key : Boolean.TRUE; // no file keys here: existence is all we can check
    } catch (NoSuchFileException absent) {
      return null;
    }
  }

  Path path() {
    return path;
  }

  /** Whether segment files wait here. */
  boolean holdsRecords() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
      for (Path file : files) {
        if (SpoolSegment.sequenceOf(file) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Deletes the folder, still locked, when only bookkeeping is left in it (no segments, no dead
   * letters), then releases it. Returns whether it is gone.
   */
  boolean removeIfEmptyAndRelease() {
    boolean removed = false;
    try {
      if (onlyBookkeepingIsLeft()) {
        for (String name : BOOKKEEPING) {
          Files.deleteIfExists(path.resolve(name));
        }
        Files.delete(path);
        removed = true;
      }
    } catch (IOException e) {
      // Another process may be creating a file here right now; the folder simply stays.
    }
    close();
    return removed;
  }

  private boolean onlyBookkeepingIsLeft() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
      for (Path file : files) {
        if (!BOOKKEEPING.contains(file.getFileName().toString())) {
          return false;
        }
      }
    }
    return true;
  }

  /** Releases the lock; the folder and its records stay for a later process. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
    } catch (IOException ignored) {
      // Closing the channel below frees it as well.
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing more to release.
    }
    HELD_IN_THIS_JVM.remove(path);
  }
}
