package com.financereport.observability.otlp.testing;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A loopback OTLP/HTTP logs receiver that answers as the OpenTelemetry collector does (see
 * contracts/otlp-http.md): 405 to GET, 415 to a Content-Type other than protobuf, 400 with a
 * google.rpc.Status to an undecodable body, and whatever answers a test scripts (200, partial
 * success, 429 or 503 with Retry-After, a hang). Requests are decoded with the official protobuf
 * classes and kept for assertions.
 *
 * <p>Bound to 127.0.0.1 on a free port; nothing leaves the machine. JSON bodies are answered 415:
 * the Java SDK only sends protobuf, and decoding JSON would need protobuf-java-util.
 */
public final class OtlpTestReceiver implements AutoCloseable {
  public static final String LOGS_PATH = "/v1/logs";
  public static final String TRACES_PATH = "/v1/traces";
  public static final String METRICS_PATH = "/v1/metrics";

  private final HttpServer server;
  private final ExecutorService handlers;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final CountDownLatch releaseHanging = new CountDownLatch(1);
  private final List<Received> requests = new CopyOnWriteArrayList<>();
  private final List<ReceivedRecord> records = new CopyOnWriteArrayList<>();
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<ReceivedMetric> metrics = new CopyOnWriteArrayList<>();
  private final AtomicInteger recordCount = new AtomicInteger();
  private volatile Answer standing = Answer.ok();
  private volatile boolean keepRecords = true;

  private OtlpTestReceiver(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /** Starts a receiver on 127.0.0.1 and a free port. */
  public static OtlpTestReceiver start() {
    return startOn(0);
  }

  /**
   * Starts a receiver on 127.0.0.1 and the given port, e.g. one that {@link
   * #refusingBaseEndpoint()} handed out: a collector that comes up where connections were refused.
   */
  public static OtlpTestReceiver startOn(int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      ExecutorService handlers =
          Executors.newCachedThreadPool(
              task -> {
                Thread thread = new Thread(task, "otlp-test-receiver");
                thread.setDaemon(true);
                return thread;
              });
      OtlpTestReceiver receiver = new OtlpTestReceiver(server, handlers);
      server.createContext(LOGS_PATH, receiver::handle);
      server.createContext(TRACES_PATH, receiver::handleTraces);
      server.createContext(METRICS_PATH, receiver::handleMetrics);
      server.setExecutor(handlers);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind the test receiver on 127.0.0.1", e);
    }
  }

  /** http://127.0.0.1:port, the value of OTEL_EXPORTER_OTLP_ENDPOINT. */
  public String baseEndpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** http://127.0.0.1:port/v1/logs. */
  public URI logsEndpoint() {
    return URI.create(baseEndpoint() + LOGS_PATH);
  }

  /** Answers the next POSTs with these, in order, then with the standing answer. */
  public synchronized OtlpTestReceiver thenAnswer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** Answers every POST not scripted otherwise with this. */
  public OtlpTestReceiver alwaysAnswer(Answer answer) {
    this.standing = answer;
    return this;
  }

  /** Only counts records instead of keeping them and the request bodies: for load tests. */
  public OtlpTestReceiver countOnly() {
    this.keepRecords = false;
    return this;
  }

  /** Every request that reached the receiver, in arrival order. */
  public List<Received> requests() {
    return List.copyOf(requests);
  }

  /** Every log record of every request answered 200, in arrival order. */
  public List<ReceivedRecord> records() {
    return List.copyOf(records);
  }

  /** How many log records arrived in requests answered 200. */
  public int recordCount() {
    return recordCount.get();
  }

  /** The bodies of {@link #records()}, in arrival order. */
  public List<String> bodies() {
    return records.stream().map(ReceivedRecord::body).toList();
  }

  /** How many different bodies arrived in requests answered 200. */
  public long uniqueBodies() {
    return records.stream().map(ReceivedRecord::body).distinct().count();
  }

  /** How many bodies arrived more than once, counting each extra arrival. */
  public long duplicates() {
    return records.size() - uniqueBodies();
  }

  /** http://127.0.0.1:port with a port nothing listens on (yet): connections are refused. */
  public static String refusingBaseEndpoint() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("cannot find a free port on 127.0.0.1", e);
    }
  }

  /** {@link #refusingBaseEndpoint()} with {@value #LOGS_PATH}. */
  public static String refusingLogsEndpoint() {
    return refusingBaseEndpoint() + LOGS_PATH;
  }

  /** Waits until at least {@code count} records have been accepted; returns them all. */
  public List<ReceivedRecord> awaitRecords(int count, Duration timeout) {
    awaitCount(recordCount::get, count, timeout, "record(s)");
    return records();
  }

  /** Waits until at least {@code count} requests have arrived; returns them all. */
  public List<Received> awaitRequests(int count, Duration timeout) {
    awaitCount(requests::size, count, timeout, "request(s)");
    return requests();
  }

  @Override
  public void close() {
    releaseHanging.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  private synchronized Answer nextAnswer() {
    Answer scripted = script.poll();
    return scripted != null ? scripted : standing;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Instant at = Instant.now();
      Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
      ExportLogsServiceRequest request =
          decodeOrRefuse(
              exchange, ExportLogsServiceRequest::parseFrom,
              status -> requests.add(new Received(at, exchange.getRequestMethod(), headers, null, status)));
      if (request == null) {
        return;
      }
      Answer answer = nextAnswer();
      if (answer.hangs()) {
        requests.add(new Received(at, "POST", headers, request, 0));
        awaitRelease();
        return;
      }
      // In count-only mode the decoded body is not kept: a load test would fill the heap.
      requests.add(
          new Received(at, "POST", headers, keepRecords ? request : null, answer.status()));
      if (answer.status() == 200) {
        accept(request);
        ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
        if (answer.rejected() > 0) {
          response.setPartialSuccess(
              ExportLogsPartialSuccess.newBuilder()
                  .setRejectedLogRecords(answer.rejected())
                  .setErrorMessage("rejected by the test receiver"));
        }
        send(exchange, 200, "application/x-protobuf", response.build().toByteArray());
        return;
      }
      if (answer.retryAfterSeconds() >= 0) {
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(answer.retryAfterSeconds()));
      }
      sendStatus(exchange, answer.status(), answer.status() == 429 ? 8 : 14, "refused by the test receiver");
    }
  }

  /** A body parser of the official proto classes. */
  private interface Parser<T> {
    T parse(byte[] body) throws IOException;
  }

  /**
   * The checks the collector's receiver makes before it decodes: POST only (405), protobuf only
   * (415), a decodable body (400). Returns the request, or null once it has answered a refusal.
   */
  private <T> T decodeOrRefuse(
      HttpExchange exchange, Parser<T> parser, java.util.function.IntConsumer refused)
      throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      refused.accept(405);
      sendText(exchange, 405, "405 method not allowed, supported: [POST]");
      return null;
    }
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String contentType = header(exchange, "Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-protobuf")) {
      refused.accept(415);
      sendText(exchange, 415, "415 unsupported media type, supported: [application/x-protobuf]");
      return null;
    }
    try {
      return parser.parse(decompress(raw, header(exchange, "Content-Encoding")));
    } catch (IOException e) {
      refused.accept(400);
      sendStatus(exchange, 400, 3, "proto: cannot parse invalid wire-format data");
      return null;
    }
  }

  private void handleTraces(HttpExchange exchange) throws IOException {
    try (exchange) {
      ExportTraceServiceRequest request =
          decodeOrRefuse(exchange, ExportTraceServiceRequest::parseFrom, status -> {});
      if (request != null && answerSignal(exchange, OtlpTestReceiver::traceResponse)) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
          for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
            for (Span span : scopeSpans.getSpansList()) {
              spans.add(new ReceivedSpan(resourceSpans.getResource(), scopeSpans.getScope(), span));
            }
          }
        }
      }
    }
  }

  private void handleMetrics(HttpExchange exchange) throws IOException {
    try (exchange) {
      ExportMetricsServiceRequest request =
          decodeOrRefuse(exchange, ExportMetricsServiceRequest::parseFrom, status -> {});
      if (request != null && answerSignal(exchange, answer -> ExportMetricsServiceResponse.getDefaultInstance().toByteArray())) {
        for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
          for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
            for (Metric metric : scopeMetrics.getMetricsList()) {
              metrics.add(new ReceivedMetric(resourceMetrics.getResource(), scopeMetrics.getScope(), metric));
            }
          }
        }
      }
    }
  }

  /**
   * Answers a span or metric request with the standing answer (scripts are for logs); true when it
   * was a 200, whose content then counts as received.
   */
  /** A 200's body for a trace request: a partial success when the answer refuses spans. */
  private static byte[] traceResponse(Answer answer) {
    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
    if (answer.rejected() > 0) {
      response.setPartialSuccess(
          ExportTracePartialSuccess.newBuilder()
              .setRejectedSpans(answer.rejected())
              .setErrorMessage("rejected by the test receiver"));
    }
    return response.build().toByteArray();
  }

  private boolean answerSignal(HttpExchange exchange, java.util.function.Function<Answer, byte[]> okBody)
      throws IOException {
    Answer answer = standing;
    if (answer.hangs()) {
      awaitRelease();
      return false;
    }
    if (answer.status() == 200) {
      send(exchange, 200, "application/x-protobuf", okBody.apply(answer));
      return true;
    }
    sendStatus(exchange, answer.status(), answer.status() == 429 ? 8 : 14, "refused by the test receiver");
    return false;
  }

  /** Every span of every trace request answered 200, in arrival order. */
  public List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  /** Every metric of every metrics request answered 200, in arrival order. */
  public List<ReceivedMetric> metrics() {
    return List.copyOf(metrics);
  }

  /** Waits until at least {@code count} spans have arrived; returns them all. */
  public List<ReceivedSpan> awaitSpans(int count, Duration timeout) {
    awaitCount(spans::size, count, timeout, "span(s)");
    return spans();
  }

  /** Waits until a metric named {@code name} has arrived; returns every metric received. */
  public List<ReceivedMetric> awaitMetric(String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (metrics.stream().noneMatch(m -> m.metric().getName().equals(name))) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no metric " + name + " within " + timeout + "; got "
            + metrics.stream().map(m -> m.metric().getName()).distinct().toList());
      }
      sleep(10);
    }
    return metrics();
  }

  private static void awaitCount(java.util.function.IntSupplier current, int count, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (current.getAsInt() < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("expected " + count + " " + what + " within " + timeout + ", got " + current.getAsInt());
      }
      sleep(10);
    }
  }

  private void accept(ExportLogsServiceRequest request) {
    // One copy-on-write append per request, not per record: a burst of 20,000 stays cheap.
    List<ReceivedRecord> received = new java.util.ArrayList<>();
    int count = 0;
    for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
      for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
        for (LogRecord record : scopeLogs.getLogRecordsList()) {
          if (keepRecords) {
            received.add(new ReceivedRecord(resourceLogs.getResource(), scopeLogs.getScope(), record));
          }
        }
        count += scopeLogs.getLogRecordsCount();
      }
    }
    records.addAll(received);
    // Counted after they are listed: a caller that awaited the count then reads them all.
    recordCount.addAndGet(count);
  }

  private static byte[] decompress(byte[] raw, String encoding) throws IOException {
    if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
      return raw;
    }
    if (!encoding.equalsIgnoreCase("gzip")) {
      throw new InvalidProtocolBufferException("unsupported Content-Encoding " + encoding);
    }
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  private void awaitRelease() {
    try {
      releaseHanging.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String header(HttpExchange exchange, String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** A google.rpc.Status body (code = 1, message = 2), as the collector sends with errors. */
  private static void sendStatus(HttpExchange exchange, int status, int rpcCode, String message)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeInt32(1, rpcCode);
    out.writeString(2, message);
    out.flush();
    send(exchange, status, "application/x-protobuf", bytes.toByteArray());
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * How to answer one POST.
   *
   * @param status the HTTP status; 0 with {@code hang}
   * @param retryAfterSeconds the Retry-After header, or -1 for none
   * @param rejected partial_success.rejected_log_records of a 200
   * @param hangs accept the request and never answer (until the receiver closes)
   */
  public record Answer(int status, int retryAfterSeconds, long rejected, boolean hangs) {
    public static Answer ok() {
      return new Answer(200, -1, 0, false);
    }

    public static Answer partialSuccess(long rejected) {
      return new Answer(200, -1, rejected, false);
    }

    public static Answer status(int status) {
      return new Answer(status, -1, 0, false);
    }

    public static Answer tooManyRequests(int retryAfterSeconds) {
      return new Answer(429, retryAfterSeconds, 0, false);
    }

    public static Answer unavailable(int retryAfterSeconds) {
      return new Answer(503, retryAfterSeconds, 0, false);
    }

    public static Answer hang() {
      return new Answer(0, -1, 0, true);
    }
  }

  /**
   * One request as it arrived.
   *
   * @param request the decoded body, null when it was not a decodable POST
   * @param status what the receiver answered; 0 for a hang
   */
  public record Received(
      Instant at,
      String method,
      Map<String, List<String>> headers,
      ExportLogsServiceRequest request,
      int status) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
          return entry.getValue().get(0);
        }
      }
      return null;
    }

    public int recordCount() {
      if (request == null) {
        return 0;
      }
      int count = 0;
      for (ResourceLogs r : request.getResourceLogsList()) {
        for (ScopeLogs s : r.getScopeLogsList()) {
          count += s.getLogRecordsCount();
        }
      }
      return count;
    }
  }
}
