package com.financereport.observability.otlp;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.SilentCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Measures the exit scenarios for the notes, each in fresh child JVMs: records delivered out of
 * records logged, and the time from "main returned" to the end of the process. Not a test: run
 * {@code java -cp <test classpath> com.financereport.observability.otlp.ExitScenarios [runs
 * [shutdown timeout ms]]}; without a timeout, the library's default (5 s).
 */
public final class ExitScenarios {
  private static final Duration LIMIT = Duration.ofSeconds(120);
  private static String timeout = "main.timeout=default";

  private ExitScenarios() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    if (args.length > 1) {
      timeout = "OBSERVABILITY_SHUTDOWN_TIMEOUT=" + Integer.parseInt(args[1]);
    }
    for (int run = 1; run <= runs; run++) {
      healthyBurst(run);
      refusing(run);
      hanging(run);
      comingUp(run);
    }
  }

  private static void healthyBurst(int run) throws Exception {
    try (OtlpTestReceiver receiver = OtlpTestReceiver.start();
        ChildJvm child =
            ChildJvm.start(
                Map.of(),
                "OTEL_EXPORTER_OTLP_ENDPOINT=" + receiver.baseEndpoint(),
                timeout,
                "main.count=20000")) {
      Duration exit = child.exitAfterMainReturned(LIMIT);
      report("healthy collector, burst", run, receiver.uniqueBodies(), 20_000, exit, -1);
    }
  }

  private static void refusing(int run) throws Exception {
    leftForTheNextStart("refusing collector", run, OtlpTestReceiver.refusingBaseEndpoint());
  }

  private static void hanging(int run) throws Exception {
    try (SilentCollector collector = SilentCollector.start()) {
      leftForTheNextStart("hanging collector", run, collector.baseEndpoint());
    }
  }

  /** 2,000 records to a collector that takes none; then a next start with a healthy one. */
  private static void leftForTheNextStart(String scenario, int run, String endpoint)
      throws Exception {
    Path spool = Files.createTempDirectory("exit-scenarios");
    Duration exit;
    try (ChildJvm child =
        ChildJvm.start(
            Map.of(),
            "OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint,
            "OBSERVABILITY_SPOOL_DIR=" + spool,
            timeout,
            "main.count=2000")) {
      exit = child.exitAfterMainReturned(LIMIT);
    }
    report(scenario, run, 0, 2_000, exit, nextStart(spool));
  }

  private static void comingUp(int run) throws Exception {
    String endpoint = OtlpTestReceiver.refusingBaseEndpoint();
    try (ChildJvm child =
        ChildJvm.start(
            Map.of(), "OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint, timeout, "main.count=2000")) {
      child.awaitLine("main returned", LIMIT);
      try (OtlpTestReceiver receiver =
          OtlpTestReceiver.startOn(java.net.URI.create(endpoint).getPort())) {
        Duration exit = child.exitAfterMainReturned(LIMIT);
        report("collector up during shutdown", run, receiver.uniqueBodies(), 2_000, exit, -1);
      }
    }
  }

  /** What a next start of the service on the same spool delivers before it stops receiving. */
  private static long nextStart(Path spool) throws Exception {
    try (OtlpTestReceiver receiver = OtlpTestReceiver.start();
        ChildJvm next = ChildJvm.startIdle(receiver.baseEndpoint(), spool, LIMIT)) {
      long seen = -1;
      long changed = System.nanoTime();
      // Done once nothing new arrived for 3 s (or after 30 s).
      for (long start = changed; System.nanoTime() - start < 30_000_000_000L; Thread.sleep(50)) {
        long now = receiver.uniqueBodies();
        if (now != seen) {
          seen = now;
          changed = System.nanoTime();
        } else if (now > 0 && System.nanoTime() - changed > 3_000_000_000L) {
          break;
        }
      }
      next.letMainReturn();
      next.exitAfterMainReturned(LIMIT);
      return receiver.uniqueBodies();
    }
  }

  private static void report(
      String scenario, int run, long delivered, long logged, Duration exit, long nextStart) {
    System.out.printf(
        "%-30s run %d: delivered at exit %5d of %5d, exit %5d ms after main returned%s%n",
        scenario,
        run,
        delivered,
        logged,
        exit.toMillis(),
        nextStart >= 0 ? ", delivered by the next start " + nextStart : "");
  }
}
