package com.financereport.backend.health;

import com.financereport.observability.instrument.ClientSpan;
import redis.clients.jedis.UnifiedJedis;

/** Redis answers {@code PING} with PONG. */
public final class RedisCheck implements HealthCheck {
  private final UnifiedJedis redis;

  public RedisCheck(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Override
  public CheckResult check() {
    String reply = ClientSpan.call("redis", "PING", redis::ping);
    return "PONG".equalsIgnoreCase(reply) ? CheckResult.up() : CheckResult.down("unexpected PING reply");
  }
}
