package com.financereport.observability.spool;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP logs receiver on 127.0.0.1 that decodes requests with the official protobuf
 * classes and answers a configurable status. Until the shared {@code OtlpTestReceiver} exists.
 */
final class LoopbackCollector implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger status = new AtomicInteger(200);
  private final List<String> bodies = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  private LoopbackCollector(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/v1/logs", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
  }

  static LoopbackCollector start() throws IOException {
    return new LoopbackCollector(0);
  }

  static LoopbackCollector startOn(int port) throws IOException {
    return new LoopbackCollector(port);
  }

  /** A port nothing listens on (yet): connections to it are refused. */
  static int freePort() throws IOException {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/logs";
  }

  void answer(int httpStatus) {
    status.set(httpStatus);
  }

  int requests() {
    return requests.get();
  }

  /** Bodies of accepted records, in arrival order. */
  synchronized List<String> bodies() {
    return List.copyOf(bodies);
  }

  synchronized long uniqueBodies() {
    return bodies.stream().distinct().count();
  }

  /** How many bodies arrived more than once, counting each extra arrival. */
  synchronized long duplicates() {
    Map<String, Integer> seen = new HashMap<>();
    bodies.forEach(b -> seen.merge(b, 1, Integer::sum));
    return seen.values().stream().mapToLong(n -> n - 1).sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      InputStream in = exchange.getRequestBody();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        in = new GZIPInputStream(in);
      }
      ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(in);
      int answer = status.get();
      if (answer == 200) {
        synchronized (this) {
          for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
              for (LogRecord record : scopeLogs.getLogRecordsList()) {
                bodies.add(record.getBody().getStringValue());
              }
            }
          }
        }
        byte[] response = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, response.length);
        exchange.getResponseBody().write(response);
      } else {
        if (answer == 429 || answer == 503) {
          exchange.getResponseHeaders().add("Retry-After", "1");
        }
        exchange.sendResponseHeaders(answer, -1);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
