package com.financereport.cli.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The loopback server every fake runs on: binds 127.0.0.1 on a free port, records every request,
 * and plays injected faults (an error answer, or a hang until the server stops) before the fake's
 * own routing sees the request.
 */
public final class FakeHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Function<RecordedRequest, FakeResponse> router;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private record Fault(String method, String pathPrefix, Supplier<FakeResponse> response) {
    boolean matches(RecordedRequest request) {
      return (method == null || method.equals(request.method())) && request.path().startsWith(pathPrefix);
    }
  }

  public FakeHttpServer(Function<RecordedRequest, FakeResponse> router) {
    this.router = router;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind a loopback port", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next request to a matching path (method null: any) gets this answer instead. */
  public synchronized void failNext(String method, String pathPrefix, Supplier<FakeResponse> response) {
    faults.add(new Fault(method, pathPrefix, response));
  }

  /** The next matching request gets no answer until the server stops: a client must time out. */
  public synchronized void hangNext(String method, String pathPrefix) {
    faults.add(new Fault(method, pathPrefix, null));
  }

  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      RecordedRequest request =
          new RecordedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              new LinkedHashMap<>(exchange.getRequestHeaders()),
              exchange.getRequestBody().readAllBytes());
      Fault fault;
      synchronized (this) {
        requests.add(request);
        fault = faults.stream().filter(f -> f.matches(request)).findFirst().orElse(null);
        if (fault != null) {
          faults.remove(fault);
        }
      }
      FakeResponse response;
      if (fault != null && fault.response() == null) {
        awaitStop();
        return;
      }
      response = fault != null ? fault.response().get() : router.apply(request);
      send(exchange, response);
    } catch (RuntimeException e) {
      send(exchange, FakeResponse.text(500, "fake failed: " + e));
    }
  }

  private void awaitStop() {
    try {
      stopped.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, FakeResponse response) throws IOException {
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    boolean noBody = response.body().length == 0;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
