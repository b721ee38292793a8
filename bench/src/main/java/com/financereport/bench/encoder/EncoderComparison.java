package com.financereport.bench.encoder;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link EncoderBenchmark} with the GC profiler at 1 and 2 threads and prints one table:
 * ops/s ± error, bytes allocated per event, and our encoder against LogstashEncoder and
 * JsonTemplateLayout, with the targets of issue 2.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar com.financereport.bench.encoder.EncoderComparison
 * </pre>
 *
 * Any JMH option may follow: {@code -wi 1 -i 2} for a quick look, {@code -t 4} for one thread
 * count, a regular expression to run some benchmarks only. JSON results go to {@code
 * bench/results/encoder-t<threads>.json}, or into the folder given by {@code -Dresults=...}
 * before {@code -cp}.
 */
public final class EncoderComparison {
  private static final String OURS = "oursStreaming";
  private static final String LOGSTASH = "logstashStreaming";
  private static final String TEMPLATE = "jsonTemplateLayoutEcsEncode";

  private EncoderComparison() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions given = new CommandLineOptions(args);
    List<Integer> threadCounts = given.getThreads().hasValue()
        ? List.of(given.getThreads().get())
        : List.of(1, 2);
    File folder = new File(System.getProperty("results", "bench/results"));
    folder.mkdirs();

    printSampleLines();
    Map<Integer, Map<String, RunResult>> all = new LinkedHashMap<>();
    for (int threads : threadCounts) {
      OptionsBuilder builder = new OptionsBuilder();
      if (given.getIncludes().isEmpty()) {
        builder.include(EncoderBenchmark.class.getName() + "\\.");
      }
      Options options = builder
          .parent(given)
          .addProfiler(GCProfiler.class)
          .threads(threads)
          .resultFormat(ResultFormatType.JSON)
          .result(new File(folder, "encoder-t" + threads + ".json").getPath())
          .build();
      all.put(threads, byMethod(new Runner(options).run()));
    }
    System.out.println();
    System.out.print(table(all));
  }

  private static void printSampleLines() {
    EncoderBenchmark.Encoders encoders = new EncoderBenchmark.Encoders();
    encoders.setUp();
    System.out.println("One line of each encoder (the benchmark checks them at every start):");
    encoders.sampleLines().forEach((name, line) -> System.out.print(name + ": " + line
        + (line.endsWith("\n") ? "" : "\n")));
    encoders.tearDown();
  }

  /** Rows in reading order: ours first, then the peers; JMH itself runs them alphabetically. */
  private static final List<String> ROW_ORDER = List.of(
      OURS, "oursByteArray", "oursStreamingNoSecret", "oursStreamingAlternating", LOGSTASH,
      "logstashStreamingAlternating", "logstashByteArray",
      "logbackJsonEncoderByteArray", TEMPLATE, "jsonTemplateLayoutEcsByteArray");

  private static Map<String, RunResult> byMethod(Collection<RunResult> results) {
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparingInt(r -> {
      int at = ROW_ORDER.indexOf(method(r));
      return at < 0 ? ROW_ORDER.size() : at;
    }));
    Map<String, RunResult> byMethod = new LinkedHashMap<>();
    for (RunResult result : sorted) {
      byMethod.put(method(result), result);
    }
    return byMethod;
  }

  private static String method(RunResult result) {
    String label = result.getParams().getBenchmark();
    return label.substring(label.lastIndexOf('.') + 1);
  }

  static String table(Map<Integer, Map<String, RunResult>> all) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-32s %3s %14s %12s %10s%n",
        "benchmark", "thr", "ops/s", "± error", "B/op"));
    for (Map.Entry<Integer, Map<String, RunResult>> run : all.entrySet()) {
      for (Map.Entry<String, RunResult> row : run.getValue().entrySet()) {
        Result<?> score = row.getValue().getPrimaryResult();
        out.append(String.format(Locale.ROOT, "%-32s %3d %,14.0f %,12.0f %10.1f%n",
            row.getKey(), run.getKey(), score.getScore(), score.getScoreError(),
            allocatedPerOp(row.getValue())));
      }
    }
    out.append(System.lineSeparator());
    for (Map.Entry<Integer, Map<String, RunResult>> run : all.entrySet()) {
      Map<String, RunResult> rows = run.getValue();
      if (!rows.containsKey(OURS) || !rows.containsKey(LOGSTASH) || !rows.containsKey(TEMPLATE)) {
        continue;
      }
      double opsVsLogstash = ops(rows.get(OURS)) / ops(rows.get(LOGSTASH));
      double bytesVsLogstash = allocatedPerOp(rows.get(OURS)) / allocatedPerOp(rows.get(LOGSTASH));
      double opsVsTemplate = ops(rows.get(OURS)) / ops(rows.get(TEMPLATE));
      out.append(String.format(Locale.ROOT,
          "%d thread(s): ours/Logstash ops %.2fx (target >= 2: %s), B/op %.3f (target <= 0.333: %s);"
              + " ours/JsonTemplateLayout ops %.2fx (target > 1: %s)%n",
          run.getKey(), opsVsLogstash, verdict(opsVsLogstash >= 2), bytesVsLogstash,
          verdict(bytesVsLogstash <= 1.0 / 3), opsVsTemplate, verdict(opsVsTemplate > 1)));
    }
    return out.toString();
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static double ops(RunResult result) {
    return result.getPrimaryResult().getScore();
  }

  /** gc.alloc.rate.norm of the GC profiler (named with a leading "·" before JMH 1.36). */
  private static double allocatedPerOp(RunResult result) {
    for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
      if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
        return secondary.getValue().getScore();
      }
    }
    return Double.NaN;
  }
}
