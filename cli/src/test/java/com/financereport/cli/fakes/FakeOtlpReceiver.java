package com.financereport.cli.fakes;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver as contracts/otlp-http.md describes the collector's: 405 for any method
 * but POST on /v1/logs, 415 for an unknown content type, 400 for an undecodable body, 200 with an
 * ExportLogsServiceResponse on success. Requests are decoded with the official protobuf classes and
 * kept as the rows SigNoz would store.
 *
 * <p>/v1/traces answers the same way with ExportTraceService messages: the contract covers logs
 * only, and the collector's OTLP receiver serves every signal with the same rules.
 */
public final class FakeOtlpReceiver implements AutoCloseable {
  private final FakeHttpServer server = new FakeHttpServer(this::route);
  private final List<LogRow> rows = new ArrayList<>();
  private final List<SpanRow> spans = new ArrayList<>();

  public URI baseUri() {
    return server.baseUri();
  }

  public FakeHttpServer server() {
    return server;
  }

  public synchronized List<LogRow> rows() {
    return List.copyOf(rows);
  }

  public synchronized List<SpanRow> spans() {
    return List.copyOf(spans);
  }

  /** The next logs POST gets this status, as a collector refusing for now (503) or rejecting (400). */
  public void failNextExport(int status) {
    server.failNext("POST", "/v1/logs", () -> FakeResponse.text(status, "injected " + status));
  }

  /** The next traces POST gets this status. */
  public void failNextSpanExport(int status) {
    server.failNext("POST", "/v1/traces", () -> FakeResponse.text(status, "injected " + status));
  }

  private FakeResponse route(RecordedRequest request) {
    boolean traces = request.path().equals("/v1/traces");
    if (!request.path().equals("/v1/logs") && !traces) {
      return FakeResponse.text(404, "404 page not found");
    }
    if (!request.method().equals("POST")) {
      return FakeResponse.text(405, "405 method not allowed, supported: [POST]");
    }
    String contentType = request.header("Content-Type");
    if (contentType == null || !contentType.startsWith("application/x-protobuf")) {
      return FakeResponse.text(415, "415 unsupported media type, supported: [application/json, application/x-protobuf]");
    }
    try {
      byte[] body = request.body();
      if ("gzip".equalsIgnoreCase(request.header("Content-Encoding"))) {
        body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
      }
      if (traces) {
        store(ExportTraceServiceRequest.parseFrom(body));
        return FakeResponse.bytes(200, "application/x-protobuf", ExportTraceServiceResponse.getDefaultInstance().toByteArray());
      }
      store(ExportLogsServiceRequest.parseFrom(body));
      return FakeResponse.bytes(200, "application/x-protobuf", ExportLogsServiceResponse.getDefaultInstance().toByteArray());
    } catch (IOException e) {
      return FakeResponse.text(400, "undecodable " + (traces ? "ExportTraceServiceRequest" : "ExportLogsServiceRequest") + ": " + e.getMessage());
    }
  }

  private synchronized void store(ExportTraceServiceRequest export) {
    for (ResourceSpans resourceSpans : export.getResourceSpansList()) {
      Map<String, String> resource = strings(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(
              new SpanRow(
                  span.getStartTimeUnixNano(),
                  hex(span.getTraceId()),
                  hex(span.getSpanId()),
                  span.getName(),
                  span.getKind().name(),
                  span.getEndTimeUnixNano() - span.getStartTimeUnixNano(),
                  strings(span.getAttributesList()),
                  resource));
        }
      }
    }
  }

  private static String hex(ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }

  private synchronized void store(ExportLogsServiceRequest export) {
    for (ResourceLogs resourceLogs : export.getResourceLogsList()) {
      Map<String, String> resource = strings(resourceLogs.getResource().getAttributesList());
      for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
        for (LogRecord record : scopeLogs.getLogRecordsList()) {
          rows.add(
              new LogRow(
                  record.getTimeUnixNano(),
                  text(record.getBody()),
                  record.getSeverityText(),
                  strings(record.getAttributesList()),
                  resource));
        }
      }
    }
  }

  /** Every value as a string, as SigNoz stores resources_string and attributes_string. */
  private static Map<String, String> strings(List<KeyValue> attributes) {
    Map<String, String> values = new LinkedHashMap<>();
    attributes.forEach(kv -> values.put(kv.getKey(), text(kv.getValue())));
    return values;
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      default -> value.toString();
    };
  }

  @Override
  public void close() {
    server.close();
  }
}
