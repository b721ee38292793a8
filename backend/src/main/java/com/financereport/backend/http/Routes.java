package com.financereport.backend.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/** A group of endpoints that adds itself to the router. */
@FunctionalInterface
public interface Routes {
  void register(JavalinDefaultRoutingApi router);
}
