package com.financereport.backend.connections;

import com.financereport.backend.settings.BackendSettings;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The clients of the configured dependencies; a field is null when its dependency is not
 * configured. Opening never connects, so a dependency that is down shows in /health instead of
 * failing start-up.
 */
public final class Connections implements AutoCloseable {
  private final HikariDataSource database;
  private final RedisClient redis;
  private final S3Client s3;

  private Connections(HikariDataSource database, RedisClient redis, S3Client s3) {
    this.database = database;
    this.redis = redis;
    this.s3 = s3;
  }

  public static Connections open(BackendSettings settings) {
    HikariDataSource database =
        settings.database() == null
            ? null
            : PostgresPool.open(settings.database(), settings.healthCheckTimeout());
    RedisClient redis =
        settings.redis() == null
            ? null
            : RedisConnections.open(settings.redis(), settings.healthCheckTimeout());
    S3Client s3 = settings.s3() == null ? null : S3Clients.open(settings.s3(), settings.healthCheckTimeout());
    return new Connections(database, redis, s3);
  }

  /** The reports database, or null when DATABASE_URL is unset. */
  public DataSource database() {
    return database;
  }

  /** Redis, or null when REDIS_URL is unset. */
  public RedisClient redis() {
    return redis;
  }

  /** S3, or null when S3_BUCKET is unset. */
  public S3Client s3() {
    return s3;
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (AutoCloseable client : new AutoCloseable[] {database, redis, s3}) {
      if (client == null) {
        continue;
      }
      try {
        client.close();
      } catch (Exception e) {
        failures.add(new IllegalStateException("closing " + client.getClass().getSimpleName() + " failed", e));
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }
}
