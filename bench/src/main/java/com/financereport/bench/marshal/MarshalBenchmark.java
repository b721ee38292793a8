package com.financereport.bench.marshal;

import com.financereport.observability.internal.record.RecordEmitter;
import com.financereport.observability.internal.wire.LogsRequestEncoder;
import com.financereport.observability.internal.wire.SpansRequestEncoder;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.logs.LowAllocationLogsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The OpenTelemetry SDK's own work per exported record, with no network, no queue and no thread
 * hand-off: the floor under any stack that exports through the SDK, ours and the peers alike. Each
 * operation is one record of the backend's "HTTP Request" line (6 attributes, a trace context,
 * the backend's 4-attribute resource), in batches of 2048 as our export sends them.
 *
 * <ul>
 *   <li>{@code build}: the record built and emitted through the SDK's logger (what an appender's
 *       {@code emit} costs the application thread, less the mapping);
 *   <li>{@code copy}: {@code toLogRecordData}, the immutable copy the batch processor makes of
 *       every record it takes from its queue;
 *   <li>{@code buildDirect}: the same record built by our {@link RecordEmitter}, immutable at
 *       once, so that it stands for both {@code build} and {@code copy} (its copy is itself);
 *   <li>{@code marshalReusable} / {@code marshalImmutable}: the protobuf body of the SDK's
 *       records, with the exporter's default memory mode (REUSABLE_DATA) and the other one;
 *       {@code marshalDirect}: the body of our records, REUSABLE_DATA; {@code marshalOurs}: the
 *       body of our records with our own encoder, which the export path sends;
 *   <li>{@code marshalSpansSdk} / {@code marshalSpansOurs}: the request of 2048 SERVER spans of
 *       the backend's (5 attributes), with the SDK's marshaller and with ours.
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar MarshalBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class MarshalBenchmark {
  static final int BATCH = 2048;

  private final List<ReadWriteLogRecord> emitted = new ArrayList<>(BATCH);
  private final List<LogRecordData> copies = new ArrayList<>(BATCH);
  private final List<ReadWriteLogRecord> direct = new ArrayList<>(BATCH);
  private final List<LogRecordData> directData = new ArrayList<>(BATCH);
  private final LowAllocationLogsRequestMarshaler reusable = new LowAllocationLogsRequestMarshaler();
  private final LogsRequestEncoder ours = new LogsRequestEncoder();
  private final SpansRequestEncoder oursSpans = new SpansRequestEncoder();
  private final LowAllocationTraceRequestMarshaler reusableSpans =
      new LowAllocationTraceRequestMarshaler();
  private final List<SpanData> spans = new ArrayList<>(BATCH);
  private final OutputStream discard = OutputStream.nullOutputStream();
  private final String[] requestIds = new String[BATCH];
  private Logger logger;
  private RecordEmitter emitter;
  private Context traced;

  @Setup
  public void records() {
    Resource resource =
        Resource.create(
            Attributes.builder()
                .put("service.name", "finance-report-backend")
                .put("service.version", "unknown")
                .put("deployment.environment", "development")
                .put("deployment.environment.name", "development")
                .build());
    logger =
        SdkLoggerProvider.builder()
            .setResource(resource)
            .addLogRecordProcessor(keepingIn(emitted))
            .build()
            .get("com.financereport.backend.http.RequestLog");
    emitter =
        new RecordEmitter(resource, keepingIn(direct), Clock.getDefault());
    traced =
        Context.root()
            .with(
                Span.wrap(
                    SpanContext.create(
                        "89fc2f0772950567d56f962035ae3392",
                        "0d20f1184a4250fb",
                        TraceFlags.getSampled(),
                        TraceState.getDefault())));
    for (int i = 0; i < BATCH; i++) {
      requestIds[i] = UUID.randomUUID().toString();
    }
    build();
    copy();
    buildDirect();
    direct.forEach(record -> directData.add(record.toLogRecordData()));
    serverSpans(resource);
  }

  /** The backend's SERVER span of a request, as its HTTP instrumentation records it. */
  private void serverSpans(Resource resource) {
    SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(
                new SpanProcessor() {
                  @Override
                  public void onStart(Context context, ReadWriteSpan span) {}

                  @Override
                  public boolean isStartRequired() {
                    return false;
                  }

                  @Override
                  public void onEnd(ReadableSpan span) {
                    spans.add(span.toSpanData());
                  }

                  @Override
                  public boolean isEndRequired() {
                    return true;
                  }
                })
            .build();
    Tracer tracer = tracing.get("com.financereport.observability.http");
    for (int i = 0; i < BATCH; i++) {
      tracer
          .spanBuilder("GET /api/ping")
          .setSpanKind(SpanKind.SERVER)
          .setAttribute("http.request.method", "GET")
          .setAttribute("url.scheme", "http")
          .setAttribute("url.path", "/api/ping")
          .setAttribute("http.route", "/api/ping")
          .setAttribute("http.response.status_code", 200L)
          .startSpan()
          .end();
    }
  }

  /** A processor that only keeps what is emitted, for the benchmarks that follow. */
  private static LogRecordProcessor keepingIn(List<ReadWriteLogRecord> records) {
    return new LogRecordProcessor() {
      @Override
      public void onEmit(Context context, ReadWriteLogRecord record) {
        records.add(record);
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
  }

  /** The backend's "HTTP Request" record, number {@code i} of a batch, on either builder. */
  private LogRecordBuilder requestLine(LogRecordBuilder builder, int i) {
    return builder
        .setContext(traced)
        .setSeverity(Severity.INFO)
        .setSeverityText("INFO")
        .setBody("HTTP Request")
        .setTimestamp(1_764_000_000_000L + i, TimeUnit.MILLISECONDS)
        .setAttribute("request_id", requestIds[i])
        .setAttribute("method", "GET")
        .setAttribute("route", "/api/ping")
        .setAttribute("status_code", 200L)
        .setAttribute("duration_ms", 0.006)
        .setAttribute("thread.name", "JettyServerThreadPool-40");
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<ReadWriteLogRecord> build() {
    emitted.clear();
    for (int i = 0; i < BATCH; i++) {
      requestLine(logger.logRecordBuilder(), i).emit();
    }
    return emitted;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<LogRecordData> copy() {
    copies.clear();
    for (ReadWriteLogRecord record : emitted) {
      copies.add(record.toLogRecordData());
    }
    return copies;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<ReadWriteLogRecord> buildDirect() {
    direct.clear();
    for (int i = 0; i < BATCH; i++) {
      requestLine(emitter.builder("com.financereport.backend.http.RequestLog"), i).emit();
    }
    return direct;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void marshalDirect() throws IOException {
    marshalReusing(directData);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void marshalReusable() throws IOException {
    marshalReusing(copies);
  }

  /** The protobuf body of these records with the exporter's default REUSABLE_DATA marshaler. */
  private void marshalReusing(List<LogRecordData> records) throws IOException {
    reusable.initialize(records);
    try {
      reusable.writeBinaryTo(discard);
    } finally {
      reusable.reset();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void marshalImmutable() throws IOException {
    LogsRequestMarshaler.create(copies).writeBinaryTo(discard);
  }

  /** The SDK's span request for the backend's SERVER spans, REUSABLE_DATA (its exporter's default). */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void marshalSpansSdk() throws IOException {
    reusableSpans.initialize(spans);
    try {
      reusableSpans.writeBinaryTo(discard);
    } finally {
      reusableSpans.reset();
    }
  }

  /** The same spans' request with our encoder. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void marshalSpansOurs() throws IOException {
    oursSpans.encode(spans).writeTo(discard);
  }

  /** Our records' request with our encoder, written where the HTTP sender's stream would take it. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void marshalOurs() throws IOException {
    ours.encode(directData).writeTo(discard);
  }
}
