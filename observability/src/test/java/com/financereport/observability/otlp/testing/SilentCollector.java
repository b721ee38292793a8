package com.financereport.observability.otlp.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A collector that has hung: it accepts TCP connections on 127.0.0.1 and never answers anything,
 * not even the probe's GET. The worst case for start-up and shutdown.
 */
public final class SilentCollector implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  private SilentCollector(ServerSocket server) {
    this.server = server;
    Thread acceptor = new Thread(this::acceptForever, "silent-collector");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static SilentCollector start() {
    try {
      return new SilentCollector(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind on 127.0.0.1", e);
    }
  }

  /** http://127.0.0.1:port, the value of OTEL_EXPORTER_OTLP_ENDPOINT. */
  public String baseEndpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** How many connections it has accepted and left hanging. */
  public int connections() {
    return held.size();
  }

  private void acceptForever() {
    while (!server.isClosed()) {
      try {
        held.add(server.accept());
      } catch (IOException closed) {
        return;
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      for (Socket socket : held) {
        socket.close();
      }
    } catch (IOException ignored) {
      // Closing a test server: nothing to do.
    }
  }
}
