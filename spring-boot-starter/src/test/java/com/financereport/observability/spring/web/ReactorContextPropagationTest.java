package com.financereport.observability.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.http.RequestId;
import io.micrometer.context.ContextExecutorService;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The two accessors, found by context-propagation's ServiceLoader, under Reactor's automatic
 * propagation: what the WebFilter writes into the Reactor Context is current on the thread after a
 * hop, and gone from that thread once the work is done.
 */
class ReactorContextPropagationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final Context TRACE =
      Context.root()
          .with(
              Span.wrap(
                  SpanContext.create(
                      "4bf92f3577b34da6a3ce929d0e0e4736", SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault())));

  @BeforeAll
  static void automaticPropagation() {
    Hooks.enableAutomaticContextPropagation();
  }

  @AfterAll
  static void noAutomaticPropagation() {
    Hooks.disableAutomaticContextPropagation();
  }

  @Test
  void theRequestIdAndTraceAreCurrentAfterAThreadHop() {
    assertThat(onTheSingleSchedulerAfterADelay("rx-unit")).isEqualTo("single rx-unit " + SPAN_ID);
  }

  @Test
  void theSchedulerThreadKeepsNeitherAfterTheWork() throws Exception {
    onTheSingleSchedulerAfterADelay("rx-left-behind");
    CompletableFuture<String> afterwards = new CompletableFuture<>();
    Schedulers.single().schedule(() -> afterwards.complete(currentIds()));
    assertThat(afterwards.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo("single null " + SpanContext.getInvalid().getSpanId());
  }

  /** A pool outside Reactor sees them only through context-propagation's wrapper, as the guide says. */
  @Test
  void aWrappedExecutorCarriesThemOutOfReactor() {
    ExecutorService pool =
        ContextExecutorService.wrap(Executors.newSingleThreadExecutor(task -> new Thread(task, "store-pool")));
    try {
      String seen =
          Mono.delay(Duration.ofMillis(1), Schedulers.single())
              .map(tick -> resultOf(pool.submit(ReactorContextPropagationTest::currentIds)))
              .contextWrite(context -> context.put(RequestIdThreadLocalAccessor.KEY, "rx-pool"))
              .block(WAIT);
      assertThat(seen).isEqualTo("store-pool rx-pool " + SpanContext.getInvalid().getSpanId());
    } finally {
      pool.shutdownNow();
    }
  }

  private static String resultOf(Future<String> work) {
    try {
      return work.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a handler that waits on the single scheduler sees there, written as the WebFilter writes it. */
  private static String onTheSingleSchedulerAfterADelay(String requestId) {
    return Mono.delay(Duration.ofMillis(1), Schedulers.single())
        .map(tick -> currentIds())
        .contextWrite(
            context ->
                context
                    .put(RequestIdThreadLocalAccessor.KEY, requestId)
                    .put(TraceContextThreadLocalAccessor.KEY, TRACE))
        .block(WAIT);
  }

  private static String currentIds() {
    String thread = Thread.currentThread().getName().replaceAll("-\\d+$", "");
    return thread + " " + MDC.get(RequestId.MDC_KEY) + " " + Span.current().getSpanContext().getSpanId();
  }
}
