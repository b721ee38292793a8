package com.financereport.bench.encoder;

import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A cross-check of {@link EncoderBenchmark} for a shared, busy machine: CPU nanoseconds and bytes
 * allocated per event on this thread, with the encoders interleaved round by round so that load
 * from other processes hits all of them alike. Not a JMH benchmark (no forks, no blackholes, one
 * thread); trust its ratios, and JMH for the absolute figures on a quiet machine.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar com.financereport.bench.encoder.EncoderCpuTime [rounds]
 * </pre>
 */
public final class EncoderCpuTime {
  private static final int OPS_PER_ROUND = 50_000;
  private static final int WARMUP_ROUNDS = 40;
  /** A power of two. */
  private static final int FRESH_EVENTS = 4096;

  private EncoderCpuTime() {}

  interface Op {
    void run() throws IOException;
  }

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    EncoderBenchmark.Encoders e = new EncoderBenchmark.Encoders();
    e.setUp();
    DiscardingSink sink = new DiscardingSink();
    Map<String, Op> ops = new LinkedHashMap<>();
    ops.put("oursStreaming", () -> e.ours.encode(e.event, sink));
    ops.put("oursByteArray", () -> sink.write(e.ours.encode(e.event)));
    ops.put("oursStreamingNoSecret", () -> e.ours.encode(e.eventWithoutSecret, sink));
    ops.put("logstashStreaming", () -> e.logstash.encode(e.event, sink));
    // Distinct events in turn: what no per-thread memo can answer, as in a service's fresh lines.
    LoggingEvent[] fresh = new LoggingEvent[FRESH_EVENTS];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = SampleEvents.logbackFresh(e.logbackContext, i);
    }
    int[] next = new int[2];
    ops.put("oursStreamingFreshEvents",
        () -> e.ours.encode(fresh[next[0]++ & (FRESH_EVENTS - 1)], sink));
    ops.put("logstashStreamingFreshEvents",
        () -> e.logstash.encode(fresh[next[1]++ & (FRESH_EVENTS - 1)], sink));
    ops.put("logstashByteArray", () -> sink.write(e.logstash.encode(e.event)));
    ops.put("logbackJsonEncoderByteArray", () -> sink.write(e.logbackJson.encode(e.event)));
    ops.put("jsonTemplateLayoutEcsEncode", () -> e.jsonTemplateEcs.encode(e.log4jEvent, sink));
    ops.put("jsonTemplateLayoutEcsByteArray",
        () -> sink.write(e.jsonTemplateEcs.toByteArray(e.log4jEvent)));

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    Map<String, long[]> totals = new LinkedHashMap<>(); // {cpu ns, bytes}
    ops.keySet().forEach(name -> totals.put(name, new long[2]));
    for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
      for (Map.Entry<String, Op> op : ops.entrySet()) {
        long cpu = threads.getCurrentThreadCpuTime();
        long bytes = threads.getThreadAllocatedBytes(self);
        for (int i = 0; i < OPS_PER_ROUND; i++) {
          op.getValue().run();
        }
        if (round >= WARMUP_ROUNDS) {
          long[] total = totals.get(op.getKey());
          total[0] += threads.getCurrentThreadCpuTime() - cpu;
          total[1] += threads.getThreadAllocatedBytes(self) - bytes;
        }
      }
    }
    e.tearDown();

    double measured = (double) rounds * OPS_PER_ROUND;
    double ours = totals.get("oursStreaming")[0] / measured;
    System.out.printf(Locale.ROOT, "%-32s %12s %10s %14s%n", "encoder", "CPU ns/op", "B/op",
        "CPU vs ours");
    totals.forEach((name, total) -> System.out.printf(Locale.ROOT, "%-32s %12.0f %10.1f %13.2fx%n",
        name, total[0] / measured, total[1] / measured, total[0] / measured / ours));
    double oursFresh = totals.get("oursStreamingFreshEvents")[0] / measured;
    double logstashFresh = totals.get("logstashStreamingFreshEvents")[0] / measured;
    System.out.printf(Locale.ROOT,
        "LogstashEncoder/ours CPU: %.2fx on the repeated event, %.2fx on %d distinct events%n",
        totals.get("logstashStreaming")[0] / measured / ours, logstashFresh / oursFresh,
        FRESH_EVENTS);
    System.out.println("(sink total " + sink.bytes() + " bytes)");
  }
}
