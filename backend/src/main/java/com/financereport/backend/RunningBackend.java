package com.financereport.backend;

import com.financereport.backend.connections.Connections;
import com.financereport.backend.health.HealthChecks;
import io.javalin.Javalin;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started backend. {@link #close()} stops the server and releases every connection. */
public final class RunningBackend implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunningBackend.class);

  private final Javalin server;
  private final HealthChecks healthChecks;
  private final Connections connections;
  private final AtomicBoolean closed = new AtomicBoolean();

  RunningBackend(Javalin server, HealthChecks healthChecks, Connections connections) {
    this.server = server;
    this.healthChecks = healthChecks;
    this.connections = connections;
  }

  /** The port the server listens on (the real one when PORT=0). */
  public int port() {
    return server.port();
  }

  /** Stops accepting requests, then closes pools and clients; safe to call twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.stop();
    } finally {
      healthChecks.close();
      connections.close();
      log.atInfo().setMessage("Backend stopped").log();
    }
  }
}
