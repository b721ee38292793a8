package com.financereport.backend.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL server started from the binaries on the class path, on a free port of
 * 127.0.0.1, with a throw-away data directory under {@code java.io.tmpdir}. Development uses it
 * when DATABASE_URL is unset; the tests use it when TEST_DATABASE_URL is unset.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final String DATABASE = "postgres";
  private static final String USER = "postgres";

  private final EmbeddedPostgres server;

  private EmbeddedDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  /** Starts a server and waits until it accepts connections (about a second once unpacked). */
  public static EmbeddedDatabase start() {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              // TCP only: no socket file outside the data directory.
              .setServerConfig("unix_socket_directories", "")
              .setServerConfig("listen_addresses", "127.0.0.1");
      return new EmbeddedDatabase(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
    }
  }

  /** A DATABASE_URL for this server, e.g. postgres://postgres@127.0.0.1:54123/postgres. */
  public String url() {
    return "postgres://" + USER + "@127.0.0.1:" + server.getPort() + "/" + DATABASE;
  }

  public int port() {
    return server.getPort();
  }

  /** Stops the server and deletes its data directory. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
    }
  }
}
