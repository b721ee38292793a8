package com.financereport.backend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Local ports for tests. */
public final class Ports {
  private Ports() {}

  /** A port on 127.0.0.1 where nothing listens: connections are refused at once. */
  public static int dead() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
