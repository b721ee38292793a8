package com.financereport.bench.encoder;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.json.JsonLineEncoder;
import com.financereport.observability.settings.ObservabilitySettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2: one representative event (message, MDC request_id, five key-values of which one is a
 * password) through our {@link JsonLineEncoder} and its peers, each into a discarding sink.
 *
 * <p>Encoders are shared by all benchmark threads, as one appender's encoder is in a service;
 * each thread has its own sink. Run with {@code -prof gc} for bytes allocated per event
 * ({@code gc.alloc.rate.norm}); {@link EncoderComparison} runs 1 and 2 threads and prints the table.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class EncoderBenchmark {

  /** The encoders under test and the events they encode, built once per run. */
  @State(Scope.Benchmark)
  public static class Encoders {
    LoggerContext logbackContext;
    LoggingEvent event;
    LoggingEvent eventWithoutSecret;
    LogEvent log4jEvent;

    JsonLineEncoder ours;
    LogstashEncoder logstash;
    JsonEncoder logbackJson;
    JsonTemplateLayout jsonTemplateEcs;

    @Setup
    public void setUp() {
      logbackContext = new LoggerContext();
      logbackContext.setName("finance-report-backend");
      event = SampleEvents.logback(logbackContext, true);
      eventWithoutSecret = SampleEvents.logback(logbackContext, false);
      log4jEvent = SampleEvents.log4j(event, true);

      ours = new JsonLineEncoder(ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(
          Map.of("ENVIRONMENT", "production", "GIT_COMMIT_SHA", "3f9c2e1a"))));
      ours.setContext(logbackContext);
      ours.start();

      logstash = new LogstashEncoder();
      logstash.setContext(logbackContext);
      logstash.start();

      logbackJson = new JsonEncoder();
      logbackJson.setContext(logbackContext);
      logbackJson.start();

      jsonTemplateEcs = JsonTemplateLayout.newBuilder()
          .setConfiguration(new DefaultConfiguration())
          .setEventTemplateUri("classpath:EcsLayout.json")
          .build();

      checkLines();
    }

    /** Fails the run unless every encoder writes the whole event, and ours hides the secret. */
    private void checkLines() {
      Map<String, String> lines = sampleLines();
      String ours = lines.get("ours");
      if (!ours.contains("[REDACTED]") || ours.contains(SampleEvents.SECRET)) {
        throw new IllegalStateException("our encoder did not redact the password: " + ours);
      }
      for (Map.Entry<String, String> line : lines.entrySet()) {
        // Logback's JsonEncoder writes the pattern and its arguments apart by default.
        for (String expected : new String[] {"Statement processed for month", "2026-10",
            "req-7f3a9c2e41b84d05", "acct-9f3c", "1234.56", "4411", SampleEvents.THREAD}) {
          if (!line.getValue().contains(expected)) {
            throw new IllegalStateException(
                line.getKey() + " left out " + expected + ": " + line.getValue());
          }
        }
      }
    }

    /** One line of each encoder, for the check above and for the report. */
    Map<String, String> sampleLines() {
      Map<String, String> lines = new LinkedHashMap<>();
      lines.put("ours", utf8(ours.encode(event)));
      lines.put("ours, no secret", utf8(ours.encode(eventWithoutSecret)));
      lines.put("LogstashEncoder", utf8(logstash.encode(event)));
      lines.put("Logback JsonEncoder", utf8(logbackJson.encode(event)));
      lines.put("JsonTemplateLayout ECS", utf8(jsonTemplateEcs.toByteArray(log4jEvent)));
      return lines;
    }

    private static String utf8(byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @TearDown
    public void tearDown() {
      ours.stop();
      logstash.stop();
      logbackJson.stop();
      logbackContext.stop();
    }
  }

  /** Each benchmark thread writes into its own sink. */
  @State(Scope.Thread)
  public static class Sink {
    final DiscardingSink out = new DiscardingSink();
    private long calls;

    /**
     * The two sample events in turn: no call sees the event the one before it saw, so nothing
     * cached per event (our encoder's event view) is found again, as with a live application's.
     */
    LoggingEvent alternate(Encoders e) {
      return (calls++ & 1) == 0 ? e.event : e.eventWithoutSecret;
    }
  }

  @Benchmark
  public long oursStreaming(Encoders e, Sink s) throws IOException {
    e.ours.encode(e.event, s.out);
    return s.out.bytes();
  }

  @Benchmark
  public long oursByteArray(Encoders e, Sink s) {
    s.out.write(e.ours.encode(e.event));
    return s.out.bytes();
  }

  @Benchmark
  public long oursStreamingNoSecret(Encoders e, Sink s) throws IOException {
    e.ours.encode(e.eventWithoutSecret, s.out);
    return s.out.bytes();
  }

  @Benchmark
  public long oursStreamingAlternating(Encoders e, Sink s) throws IOException {
    e.ours.encode(s.alternate(e), s.out);
    return s.out.bytes();
  }

  @Benchmark
  public long logstashStreamingAlternating(Encoders e, Sink s) throws IOException {
    e.logstash.encode(s.alternate(e), s.out);
    return s.out.bytes();
  }

  @Benchmark
  public long logstashStreaming(Encoders e, Sink s) throws IOException {
    e.logstash.encode(e.event, s.out);
    return s.out.bytes();
  }

  @Benchmark
  public long logstashByteArray(Encoders e, Sink s) {
    s.out.write(e.logstash.encode(e.event));
    return s.out.bytes();
  }

  @Benchmark
  public long logbackJsonEncoderByteArray(Encoders e, Sink s) {
    s.out.write(e.logbackJson.encode(e.event));
    return s.out.bytes();
  }

  @Benchmark
  public long jsonTemplateLayoutEcsEncode(Encoders e, Sink s) {
    e.jsonTemplateEcs.encode(e.log4jEvent, s.out);
    return s.out.bytes();
  }

  @Benchmark
  public long jsonTemplateLayoutEcsByteArray(Encoders e, Sink s) {
    s.out.write(e.jsonTemplateEcs.toByteArray(e.log4jEvent));
    return s.out.bytes();
  }
}
