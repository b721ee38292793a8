package com.financereport.backend.support;

import com.financereport.backend.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * The services the tests run against, as environment maps. PostgreSQL and Redis are real servers:
 * the ones TEST_DATABASE_URL and TEST_REDIS_URL name, or else embedded ones started once per test
 * JVM on free ports. Every file the backend writes (the spool) goes to a temporary directory.
 */
public final class TestEnvironment {
  public static final String TEST_DATABASE_URL = "TEST_DATABASE_URL";
  public static final String TEST_REDIS_URL = "TEST_REDIS_URL";

  private TestEnvironment() {}

  /** PostgreSQL for the tests: TEST_DATABASE_URL, or an embedded server started on first use. */
  public static String databaseUrl() {
    return Database.URL;
  }

  /** Redis for the tests: TEST_REDIS_URL, or an embedded server started on first use. */
  public static String redisUrl() {
    return Redis.URL;
  }

  /** A directory for this test JVM, deleted when it exits. */
  public static Path scratch() {
    return Scratch.DIRECTORY;
  }

  /** PORT=0, a short health budget, the spool in a temporary directory, and nothing else configured. */
  public static Map<String, String> bare() {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("HEALTH_CHECK_TIMEOUT", "1s");
    env.put("OBSERVABILITY_SPOOL_DIR", scratch().resolve("spool").toString());
    return env;
  }

  /**
   * Every dependency configured: the tests' PostgreSQL and Redis, and the given s3proxy; each
   * health check may take up to 10 s.
   */
  public static Map<String, String> full(S3ProxyServer s3, String bucket) {
    Map<String, String> env = bare();
    // Servers that answer: a generous budget, so a busy machine does not turn an answer into a timeout.
    env.put("HEALTH_CHECK_TIMEOUT", "10s");
    env.put("DATABASE_URL", databaseUrl());
    env.put("REDIS_URL", redisUrl());
    env.put("S3_ENDPOINT", s3.endpoint());
    env.put("S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY);
    env.put("S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
    env.put("S3_BUCKET", bucket);
    return env;
  }

  // Holder classes: each server starts on first use, once, and stops when the JVM exits.
  private static final class Database {
    static final String URL = external(TEST_DATABASE_URL).orElseGet(Database::startEmbedded);

    private static String startEmbedded() {
      EmbeddedDatabase database = EmbeddedDatabase.start();
      Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-postgres-stop"));
      return database.url();
    }
  }

  private static final class Redis {
    static final String URL = external(TEST_REDIS_URL).orElseGet(Redis::startEmbedded);

    private static String startEmbedded() {
      int port = Ports.dead();
      Path directory = scratch().resolve("redis");
      try {
        Files.createDirectories(directory);
        RedisServer server =
            RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                // Nothing on disk: no snapshots, no append-only file, working files in the scratch dir.
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("dir " + directory)
                .soutListener(line -> {})
                .serrListener(line -> {})
                .build();
        server.start();
        return "redis://127.0.0.1:" + port + "/0";
      } catch (IOException e) {
        throw new UncheckedIOException("embedded Redis did not start", e);
      }
    }
  }

  private static final class Scratch {
    static final Path DIRECTORY = create();

    private static Path create() {
      try {
        Path directory = Files.createTempDirectory("finance-report-backend-tests-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "test-scratch-delete"));
        return directory;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void delete(Path directory) {
      try (Stream<Path> paths = Files.walk(directory)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // Best effort at exit: the directory is under java.io.tmpdir either way.
      }
    }
  }

  private static java.util.Optional<String> external(String key) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
  }
}
