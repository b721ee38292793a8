package com.financereport.observability.internal.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.OtlpTestReceiver.Answer;
import com.financereport.observability.otlp.testing.ReceivedMetric;
import com.financereport.observability.otlp.testing.ReceivedSpan;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.settings.ObservabilitySettings;
import com.financereport.observability.status.ExportStatus;
import com.financereport.observability.status.LogPipelineMetricNames;
import com.financereport.observability.status.SignalStatus;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Traces and metrics: opt-in, on the logs' resource, and their losses counted. */
class SignalsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final OtlpTestReceiver receiver = OtlpTestReceiver.start();
  private Signals signals;

  @AfterEach
  void stop() {
    if (signals != null) {
      signals.shutdown(Duration.ofSeconds(2));
    }
    receiver.close();
  }

  @Test
  void anEndpointAloneTurnsNeitherTracesNorMetricsOn() {
    signals = start(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint()));

    assertThat(signals.traces().enabled()).isFalse();
    assertThat(signals.traces().disabledReason()).contains("OTEL_TRACES_EXPORTER");
    assertThat(signals.metrics().enabled()).isFalse();
    assertThat(signals.openTelemetry().getTracer("t").spanBuilder("s").startSpan().isRecording()).isFalse();
  }

  @Test
  void withBothOffNoThreadOrSocketIsCreated() throws IOException {
    Set<String> threadsBefore = threadNames();
    long socketsBefore = openSockets();

    signals = start(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint()));
    signals.openTelemetry().getTracer("t").spanBuilder("s").startSpan().end();

    assertThat(threadNames()).isEqualTo(threadsBefore);
    assertThat(openSockets()).isEqualTo(socketsBefore);
  }

  @Test
  void spansAreExportedUnderTheLogsResource() {
    ObservabilitySettings settings = settings(tracesOn("OTEL_RESOURCE_ATTRIBUTES", "team=ledger"));
    signals = Signals.start(settings, ExportStatus::disabled, Redactor.builder().build());

    signals.openTelemetry().getTracer("test").spanBuilder("GET /api/ping").startSpan().end();

    ReceivedSpan span = receiver.awaitSpans(1, WAIT).get(0);
    assertThat(span.name()).isEqualTo("GET /api/ping");
    assertThat(span.resourceAttribute("service.name")).isEqualTo(settings.serviceName());
    assertThat(span.resourceAttribute("deployment.environment")).isEqualTo(settings.environment());
    assertThat(span.resourceAttribute("service.version")).isEqualTo(settings.serviceVersion());
    assertThat(span.resourceAttribute("team")).isEqualTo("ledger");
  }

  @Test
  void exportedSpansAreCounted() {
    signals = start(tracesOn());
    for (int i = 0; i < 3; i++) {
      signals.openTelemetry().getTracer("test").spanBuilder("work").startSpan().end();
    }
    receiver.awaitSpans(3, WAIT);
    signals.shutdown(WAIT);

    SignalStatus traces = signals.traces();
    assertThat(traces.exported()).isEqualTo(3);
    assertThat(traces.endpoint()).isEqualTo(receiver.baseEndpoint() + "/v1/traces");
    assertThat(traces.lastSuccess()).isNotNull();
  }

  @Test
  void aRatioOfZeroRecordsNoSpanButKeepsValidIds() {
    signals = start(tracesOn("OTEL_TRACES_SAMPLER", "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0"));

    Span span = signals.openTelemetry().getTracer("test").spanBuilder("unsampled").startSpan();
    span.end();
    signals.shutdown(WAIT);

    assertThat(span.getSpanContext().isValid()).isTrue();
    assertThat(span.getSpanContext().isSampled()).isFalse();
    assertThat(receiver.spans()).isEmpty();
  }

  @Test
  void aRejectedBatchIsCountedAsFailedAndDropped() {
    receiver.alwaysAnswer(Answer.status(400));
    signals = start(tracesOn());

    signals.openTelemetry().getTracer("test").spanBuilder("refused").startSpan().end();
    signals.shutdown(WAIT);

    SignalStatus traces = signals.traces();
    assertThat(traces.failed()).isEqualTo(1);
    assertThat(traces.dropped()).isEqualTo(1);
    assertThat(traces.lastError())
        .isEqualTo("the collector answered HTTP 400: refused by the test receiver");
  }

  @Test
  void aPartialSuccessOfASpanBatchCountsTheRefusedSpansAsDropped() {
    receiver.alwaysAnswer(Answer.partialSuccess(1));
    signals = start(tracesOn());

    for (int i = 0; i < 3; i++) {
      signals.openTelemetry().getTracer("test").spanBuilder("span " + i).startSpan().end();
    }
    signals.shutdown(WAIT);

    SignalStatus traces = signals.traces();
    assertThat(receiver.spans()).hasSize(3);
    assertThat(traces.exported()).isEqualTo(2);
    assertThat(traces.dropped()).isEqualTo(1);
  }

  @Test
  void spansTheFullQueueDropsAreCounted() {
    receiver.alwaysAnswer(Answer.hang());
    signals =
        start(tracesOn("OTEL_BSP_MAX_QUEUE_SIZE", "1", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "1", "OTEL_BSP_SCHEDULE_DELAY", "1"));
    Tracer tracer = signals.openTelemetry().getTracer("test");

    for (int i = 0; i < 50; i++) {
      tracer.spanBuilder("burst-" + i).startSpan().end();
    }

    // One span can be on the (hanging) wire and one in the queue: the rest are dropped.
    assertThat(signals.traces().dropped()).isGreaterThanOrEqualTo(48);
  }

  @Test
  void metricsArriveUnderTheLogsResource() {
    ObservabilitySettings settings = settings(metricsOn());
    signals = Signals.start(settings, ExportStatus::disabled, Redactor.builder().build());

    signals.openTelemetry().getMeter("test").counterBuilder("payments.settled").build().add(2);

    ReceivedMetric metric =
        receiver.awaitMetric("payments.settled", WAIT).stream()
            .filter(m -> m.name().equals("payments.settled"))
            .findFirst()
            .orElseThrow();
    assertThat(metric.resourceAttribute("service.name")).isEqualTo(settings.serviceName());
    assertThat(metric.resourceAttribute("deployment.environment")).isEqualTo(settings.environment());
  }

  @Test
  void theLogPipelinesFiguresAreExportedAsMetrics() {
    ExportStatus logs =
        new ExportStatus(
            true,
            new ExportStatus.Queue(5, 2048),
            new ExportStatus.Delivery(41, 3, 1, null, null, null, 0, true),
            new ExportStatus.Spool(7, 700, 1500, 4, 1),
            new ExportStatus.Dropped(0, 0, 1, 1, 0, 0));
    signals = Signals.start(settings(metricsOn()), () -> logs, Redactor.builder().build());

    List<ReceivedMetric> metrics = receiver.awaitMetric(LogPipelineMetricNames.SPOOLED, WAIT);

    Map<String, Long> exported = longPoints(metrics, LogPipelineMetricNames.EXPORTED);
    assertThat(exported).containsEntry("", 41L).containsEntry("rejected", 1L).containsEntry("export_failed", 2L);
    assertThat(longPoints(metrics, LogPipelineMetricNames.SPOOLED)).containsEntry("", 7L);
    assertThat(longPoints(metrics, LogPipelineMetricNames.DROPPED, "cause"))
        .containsEntry("rejected", 1L)
        .containsEntry("spool_budget", 1L)
        .containsEntry("queue_full", 0L);
    assertThat(longPoints(metrics, LogPipelineMetricNames.QUEUE_SIZE)).containsEntry("", 5L);
    assertThat(longPoints(metrics, LogPipelineMetricNames.QUEUE_CAPACITY)).containsEntry("", 2048L);
  }

  @Test
  void exportedMetricPointsAreCounted() {
    signals = start(metricsOn());
    signals.openTelemetry().getMeter("test").counterBuilder("jobs.done").build().add(1);
    receiver.awaitMetric("jobs.done", WAIT);
    signals.shutdown(WAIT); // the last export's outcome is counted once shutdown returns

    assertThat(signals.metrics().exported()).isPositive();
    assertThat(signals.metrics().endpoint()).isEqualTo(receiver.baseEndpoint() + "/v1/metrics");
  }

  /** Points of a sum metric by their error.type ("" for none). */
  private static Map<String, Long> longPoints(List<ReceivedMetric> metrics, String name) {
    return longPoints(metrics, name, "error.type");
  }

  /** Points of a sum metric by their {@code attribute} ("" for none). */
  private static Map<String, Long> longPoints(
      List<ReceivedMetric> metrics, String name, String attribute) {
    Map<String, Long> points = new HashMap<>();
    metrics.stream()
        .filter(m -> m.name().equals(name))
        .reduce((first, second) -> second) // the latest collection
        .ifPresent(
            m ->
                m.metric().getSum().getDataPointsList()
                    .forEach(
                        p ->
                            points.put(
                                p.getAttributesList().stream()
                                    .filter(a -> a.getKey().equals(attribute))
                                    .map(a -> a.getValue().getStringValue())
                                    .findFirst()
                                    .orElse(""),
                                p.getAsInt())));
    return points;
  }

  private Map<String, String> tracesOn(String... extra) {
    Map<String, String> env = new HashMap<>(pairs(extra));
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint());
    env.put("OTEL_TRACES_EXPORTER", "otlp");
    env.putIfAbsent("OTEL_BSP_SCHEDULE_DELAY", "50");
    return env;
  }

  private Map<String, String> metricsOn() {
    return Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint(),
        "OTEL_METRICS_EXPORTER", "otlp",
        "OTEL_METRIC_EXPORT_INTERVAL", "100");
  }

  private static Signals start(Map<String, String> env) {
    return Signals.start(settings(env), ExportStatus::disabled, Redactor.builder().build());
  }

  private static ObservabilitySettings settings(Map<String, String> env) {
    return ObservabilitySettings.fromEnvironment(env);
  }

  private static Map<String, String> pairs(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> !name.startsWith("otlp-test-receiver"))
        .collect(Collectors.toSet());
  }

  /** Sockets this process holds open (Linux: /proc/self/fd links to socket:[inode]). */
  private static long openSockets() throws IOException {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                  return false;
                }
              })
          .count();
    }
  }
}
