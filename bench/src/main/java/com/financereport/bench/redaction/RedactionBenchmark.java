package com.financereport.bench.redaction;

import com.financereport.observability.redaction.Redactor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Redactor#redactText} alone, without the per-thread memo: what one fresh text costs. The
 * plain message has no trigger (the prescan only); the others make some rules run.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar RedactionBenchmark -f 3 -wi 5 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class RedactionBenchmark {
  /** A service's ordinary line: words, a number, no character any rule looks for. */
  static final String PLAIN = "Statement processed for month of october with 12 rows in 35 ms";

  /** Ids, a timestamp, an amount: triggers that lead to no replacement. */
  static final String LOOK_ALIKES =
      "order 20261203000123 at 2026-12-03T14:07:55.123Z amount 1234.56 EUR"
          + " trace 4bf92f3577b34da6a3ce929d0e0e4736 request 123e4567-e89b-12d3-a456-426614174000";

  /** PII and a secret to replace. */
  static final String SECRETS =
      "refund to DE89370400440532013000 for 13812345678 card 6222021234567894 password=hunter2";

  private static final int DISTINCT = 4096;

  private final Redactor redactor = Redactor.defaults();
  private final String[] distinctPlain = new String[DISTINCT];
  private int next;

  @Setup
  public void setUp() {
    for (int i = 0; i < DISTINCT; i++) {
      distinctPlain[i] = "Statement processed for customer number " + i + " in " + (i % 97) + " ms";
    }
  }

  @Benchmark
  public String plainMessage() {
    return redactor.redactText(PLAIN);
  }

  @Benchmark
  public String distinctPlainMessages() {
    return redactor.redactText(distinctPlain[next++ & (DISTINCT - 1)]);
  }

  @Benchmark
  public String lookAlikes() {
    return redactor.redactText(LOOK_ALIKES);
  }

  @Benchmark
  public String secrets() {
    return redactor.redactText(SECRETS);
  }
}
