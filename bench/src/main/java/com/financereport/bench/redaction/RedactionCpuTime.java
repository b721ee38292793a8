package com.financereport.bench.redaction;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;

/**
 * An A/B of {@code Redactor.redactText} for a shared, busy machine: two builds of the library (two
 * benchmark jars, each loaded in its own class loader) measured in one JVM, round by round in turn,
 * in CPU time of this thread, so load from other processes hits both alike. Prints CPU ns per text
 * with the spread of the per-round ratios.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar com.financereport.bench.redaction.RedactionCpuTime \
 *     base.jar bench/target/benchmarks.jar [rounds]
 * </pre>
 */
public final class RedactionCpuTime {
  private static final int OPS_PER_ROUND = 200_000;
  private static final int WARMUP_ROUNDS = 10;
  private static final int DISTINCT = 4096;

  /** Only shapes both builds redact (no mainland China mobile): the same replacements made. */
  static final String SHARED_SECRETS =
      "refund to DE89370400440532013000 card 6222021234567894 password=hunter2";

  private RedactionCpuTime() {}

  public static void main(String[] args) throws Throwable {
    MethodHandle a = redactText(args[0]);
    MethodHandle b = redactText(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    String[] distinct = new String[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      distinct[i] = "Statement processed for customer number " + i + " in " + (i % 97) + " ms";
    }
    String[][] cases = {
      {RedactionBenchmark.PLAIN},
      distinct,
      {RedactionBenchmark.LOOK_ALIKES},
      {RedactionBenchmark.SECRETS},
      {SHARED_SECRETS}
    };
    String[] names = {
      "plainMessage", "distinctPlainMessages", "lookAlikes", "secrets", "secretsBothRedact"
    };
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%-22s %10s %10s %8s %17s%n", "text", "A ns", "B ns", "B/A", "B/A per round");
    for (int c = 0; c < cases.length; c++) {
      double totalA = 0;
      double totalB = 0;
      double[] ratios = new double[rounds];
      for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
        // Each goes first every other round, so neither always runs on a warmer cache.
        boolean aFirst = round % 2 == 0;
        long timeA = aFirst ? cpu(threads, a, cases[c]) : 0;
        long timeB = cpu(threads, b, cases[c]);
        if (!aFirst) {
          timeA = cpu(threads, a, cases[c]);
        }
        if (round >= WARMUP_ROUNDS) {
          totalA += timeA;
          totalB += timeB;
          ratios[round - WARMUP_ROUNDS] = (double) timeB / timeA;
        }
      }
      java.util.Arrays.sort(ratios);
      System.out.printf(
          Locale.ROOT,
          "%-22s %10.1f %10.1f %8.2f %8.2f-%-8.2f%n",
          names[c],
          totalA / rounds / OPS_PER_ROUND,
          totalB / rounds / OPS_PER_ROUND,
          totalB / totalA,
          ratios[rounds / 10],
          ratios[rounds - 1 - rounds / 10]);
    }
    System.out.println(
        "A = " + args[0] + ", B = " + args[1] + "; per-round range: 10th-90th percentile");
  }

  private static long cpu(ThreadMXBean threads, MethodHandle redact, String[] texts)
      throws Throwable {
    long start = threads.getCurrentThreadCpuTime();
    int mask = texts.length - 1;
    int sink = 0;
    for (int i = 0; i < OPS_PER_ROUND; i++) {
      sink += ((String) redact.invokeExact(texts[i & mask])).length();
    }
    long time = threads.getCurrentThreadCpuTime() - start;
    if (sink == 42) {
      System.out.print(""); // keeps the results alive
    }
    return time;
  }

  /** Redactor.defaults()::redactText of the library inside {@code jar}, isolated from ours. */
  private static MethodHandle redactText(String jar) throws Throwable {
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {new File(jar).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> redactor = loader.loadClass("com.financereport.observability.redaction.Redactor");
    Object defaults = redactor.getMethod("defaults").invoke(null);
    return MethodHandles.publicLookup()
        .findVirtual(redactor, "redactText", MethodType.methodType(String.class, String.class))
        .bindTo(defaults);
  }
}
