package com.financereport.bench.export;

import ch.qos.logback.classic.Logger;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.MDC;

/**
 * End-to-end export under load: 2 application threads log as fast as they can for 10 s into a
 * stack that writes JSON to a discarding stdout and exports over OTLP/HTTP to a loopback receiver
 * answering 200. JMH samples the application-thread cost per event (p50/p99); the iteration
 * teardown prints the records the receiver got per second, and the trial teardown what was
 * emitted, delivered, counted as dropped, and lost without a trace.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ExportBenchmark}; with the collector down
 * (our spool active): {@code ... ExportBenchmark -p stack=OURS -p collector=down}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 1, time = 10)
@State(Scope.Benchmark)
public class ExportBenchmark {
  @Param({"OURS", "PEER", "OFFICIAL_REDACTING"})
  public String stack;

  /**
   * {@code up}: the receiver answers 200. {@code down}: it answers 503 (Retry-After 1) throughout
   * the load, so ours runs with the disk spool active; the drain then starts once it answers 200.
   */
  @Param({"up"})
  public String collector;

  private OtlpTestReceiver receiver;
  private ExportStack logging;
  private Logger log;
  private final LongAdder emitted = new LongAdder();
  private long iterationStartRecords;
  private long iterationStartNanos;
  private long iterationStartEmitted;

  @Setup(Level.Trial)
  public void start() {
    receiver = OtlpTestReceiver.start().countOnly();
    if (collector.equals("down")) {
      receiver.alwaysAnswer(OtlpTestReceiver.Answer.unavailable(1));
    }
    logging =
        ExportStack.start(
            ExportStack.Kind.valueOf(stack), receiver.baseEndpoint(), environmentFromProperty());
    log = logging.logger("com.example.OrderService");
  }

  /** -Dbench.env="OTEL_BLRP_MAX_EXPORT_BATCH_SIZE=2048;..." tunes the library's stacks. */
  private static Map<String, String> environmentFromProperty() {
    Map<String, String> environment = new java.util.HashMap<>();
    for (String pair : System.getProperty("bench.env", "").split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        environment.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return environment;
  }

  @Setup(Level.Iteration)
  public void markIteration() {
    iterationStartRecords = receiver.recordCount();
    iterationStartEmitted = emitted.sum();
    iterationStartNanos = System.nanoTime();
  }

  @TearDown(Level.Iteration)
  public void reportIteration() {
    double seconds = (System.nanoTime() - iterationStartNanos) / 1e9;
    System.out.printf(
        "%n[%s] emitted/s=%.0f delivered/s=%.0f%n",
        stack,
        (emitted.sum() - iterationStartEmitted) / seconds,
        (receiver.recordCount() - iterationStartRecords) / seconds);
  }

  @TearDown(Level.Trial)
  public void stop() {
    long total = emitted.sum();
    receiver.alwaysAnswer(OtlpTestReceiver.Answer.ok());
    drainSpool();
    logging.close();
    long delivered = receiver.recordCount();
    long counted = logging.countedDrops();
    long kept = logging.status() == null ? 0 : logging.status().spool().records();
    System.out.printf(
        "[%s] emitted=%d delivered=%d (%.1f%%) dropped(counted)=%d kept-on-disk=%d lost-uncounted=%d%n",
        stack,
        total,
        delivered,
        100.0 * delivered / Math.max(1, total),
        counted,
        kept,
        total - delivered - counted - kept);
    if (logging.status() != null) {
      System.out.printf(
          "[%s] of the dropped: %d for the spool's byte budget or age, the rest when the in-memory"
              + " queue and the spool's hand-off were both full%n",
          stack, logging.status().dropped().spoolBudget());
    }
    receiver.close();
  }

  /**
   * After the load stops, our stack keeps delivering what it spooled; wait (at most
   * bench.drainSeconds, default 300) and report the replay rate.
   */
  private void drainSpool() {
    if (logging.status() == null) {
      return;
    }
    long start = System.nanoTime();
    long startRecords = receiver.recordCount();
    long deadline = start + Long.getLong("bench.drainSeconds", 300) * 1_000_000_000L;
    while (System.nanoTime() < deadline
        && (logging.status().spool().records() > 0 || logging.status().queue().size() > 0)) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "[%s] drain after load: %d records in %.1f s = %.0f records/s replayed; still spooled=%d%n",
        stack,
        receiver.recordCount() - startRecords,
        seconds,
        (receiver.recordCount() - startRecords) / Math.max(seconds, 1e-9),
        logging.status().spool().records());
  }

  /** Each application thread carries a request id in its MDC, as a web request would. */
  @State(Scope.Thread)
  public static class RequestThread {
    long order;

    @Setup(Level.Trial)
    public void enter() {
      MDC.put("request_id", "req-" + Thread.currentThread().getId());
    }
  }

  @Benchmark
  public void logOneEvent(RequestThread thread) {
    long order = thread.order++;
    log.atInfo()
        .addKeyValue("order_id", order)
        .addKeyValue("amount", 12.5)
        .addKeyValue("customer", "c-42")
        .log("order {} processed", order);
    emitted.increment();
  }
}
