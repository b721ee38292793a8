package com.financereport.backend.support;

import java.util.HashMap;
import java.util.Map;

/** The local services this machine runs for the tests, as environment maps. */
public final class TestEnvironment {
  public static final String DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
  public static final String REDIS_URL = "redis://127.0.0.1:6379/0";

  private TestEnvironment() {}

  /** PORT=0, a short health budget, and nothing else configured. */
  public static Map<String, String> bare() {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("HEALTH_CHECK_TIMEOUT", "1s");
    return env;
  }

  /** Every dependency configured against the local PostgreSQL, Redis and the given s3proxy. */
  public static Map<String, String> full(S3ProxyServer s3, String bucket) {
    Map<String, String> env = bare();
    env.put("DATABASE_URL", DATABASE_URL);
    env.put("REDIS_URL", REDIS_URL);
    env.put("S3_ENDPOINT", s3.endpoint());
    env.put("S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY);
    env.put("S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
    env.put("S3_BUCKET", bucket);
    return env;
  }
}
