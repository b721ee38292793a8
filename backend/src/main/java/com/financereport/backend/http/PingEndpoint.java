package com.financereport.backend.http;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/** {@code GET /api/ping}: answers without touching any dependency (load tests, liveness). */
public final class PingEndpoint implements Routes {
  private static final Map<String, String> PONG = Map.of("status", "ok");

  @Override
  public void register(JavalinDefaultRoutingApi router) {
    router.get("/api/ping", ctx -> ctx.json(PONG));
  }
}
