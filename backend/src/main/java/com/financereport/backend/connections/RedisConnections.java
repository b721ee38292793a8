package com.financereport.backend.connections;

import com.financereport.backend.settings.RedisSettings;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** Opens the pooled Redis client. */
final class RedisConnections {
  private RedisConnections() {}

  /** Connect, read and pool-borrow waits are all bounded by {@code timeout}. */
  static RedisClient open(RedisSettings redis, Duration timeout) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    DefaultJedisClientConfig client =
        DefaultJedisClientConfig.builder()
            .user(redis.user())
            .password(redis.password())
            .database(redis.database())
            .ssl(redis.tls())
            .connectionTimeoutMillis(millis)
            .socketTimeoutMillis(millis)
            .clientName("finance-report-backend")
            .build();
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(8);
    pool.setMaxWait(timeout);
    pool.setJmxEnabled(false);
    return RedisClient.builder()
        .hostAndPort(redis.host(), redis.port())
        .clientConfig(client)
        .poolConfig(pool)
        .build();
  }
}
