package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.otlp.ConcurrentExports;
import com.financereport.observability.internal.otlp.QueueSlots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.financereport.observability.internal.export.ExportCounters;
import com.financereport.observability.redaction.Redactor;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.logs.TestLogRecordData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentExportsTest {
  private final HeldExports held = new HeldExports();
  private final QueueSlots slots = new QueueSlots(8, 0);
  private final ExportCounters counters =
      new ExportCounters(Redactor.builder().build(), slots::unsettled, 8);

  @Test
  void theProcessorWaitsOnlyWhenTheLimitIsInFlight() {
    ConcurrentExports exports = exports(held, 2);

    assertThat(exports.export(batch("a")).isDone()).isTrue(); // one in flight: room for another
    CompletableResultCode second = exports.export(batch("b"));

    assertThat(second.isDone()).isFalse(); // two in flight: the processor waits
    held.results.get(0).succeed();
    assertThat(second.isSuccess()).isTrue();
    assertThat(held.results).hasSize(2);
  }

  @Test
  void aFailedExportAlsoMakesRoom() {
    ConcurrentExports exports = exports(held, 1);
    CompletableResultCode first = exports.export(batch("a"));

    assertThat(first.isDone()).isFalse();
    held.results.get(0).fail();

    assertThat(first.isSuccess()).isTrue(); // "room for the next", the outcome is counted below
  }

  @Test
  void anExportThatFinishesAtOnceTakesNoRoom() {
    ConcurrentExports exports = exports(InMemoryLogRecordExporter.create(), 1);

    assertThat(exports.export(batch("a")).isDone()).isTrue();
    assertThat(exports.export(batch("b")).isDone()).isTrue();
    assertThat(exports.idle().isDone()).isTrue();
  }

  @Test
  void eachBatchIsCopiedBecauseTheProcessorReusesItsList() {
    ConcurrentExports exports = exports(held, 2);
    List<LogRecordData> reused = new ArrayList<>(batch("first"));

    exports.export(reused);
    reused.clear();
    reused.addAll(batch("second"));

    assertThat(held.batches.get(0)).extracting(r -> r.getBodyValue().asString()).containsExactly("first");
  }

  @Test
  void flushAndShutdownWaitForEveryExportInFlight() {
    ConcurrentExports exports = exports(held, 2);
    exports.export(batch("a"));
    exports.export(batch("b"));

    CompletableResultCode flushed = exports.flush();
    CompletableResultCode stopped = exports.shutdown();
    held.results.get(0).succeed();
    assertThat(flushed.isDone()).isFalse();
    assertThat(held.shutdownCalled).isFalse();

    held.results.get(1).succeed();
    assertThat(flushed.isSuccess()).isTrue();
    assertThat(held.shutdownCalled).isTrue();
    assertThat(stopped.isSuccess()).isTrue();
  }

  @Test
  void afterIdleWaitsForTheExportsStartedBeforeTheOutcome() {
    ConcurrentExports exports = exports(held, 2);
    exports.export(batch("a"));
    CompletableResultCode handedOver = new CompletableResultCode();

    CompletableResultCode flushed = exports.afterIdle(handedOver);
    handedOver.succeed();
    assertThat(flushed.isDone()).isFalse();

    held.results.get(0).succeed();
    assertThat(flushed.isSuccess()).isTrue();
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> exports(held, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBatchFreesItsQueueSlotsWhenHandedOverAndSettlesWhenItsExportEnds() {
    slots.admit();
    ConcurrentExports exports = exports(held, 2);

    exports.export(batch("a"));
    assertThat(slots.admit()).as("the handed-over record's slot is free again").isTrue();
    assertThat(slots.unsettled()).isEqualTo(2);

    held.results.get(0).succeed();
    assertThat(slots.unsettled()).isEqualTo(1);
  }

  @Test
  void aBatchWhoseExportFailsForGoodIsCountedAsLostOnce() {
    ConcurrentExports exports = exports(held, 2);
    exports.export(batch("a"));

    held.results.get(0).fail();

    assertThat(counters.snapshot(false).dropped().exportFailed()).isEqualTo(1);
    assertThat(counters.snapshot(false).delivery().failed())
        .as("attempts are the send stage's to count")
        .isZero();
  }

  @Test
  void anExporterThatThrowsStillSettlesItsBatch() {
    slots.admit();
    ConcurrentExports exports = exports(HeldExports.throwing(), 1);

    CompletableResultCode result = exports.export(batch("a"));

    assertThat(result.isSuccess()).as("room for the next batch").isTrue();
    assertThat(slots.unsettled()).isZero();
    assertThat(counters.snapshot(false).dropped().exportFailed()).isEqualTo(1);
  }

  private ConcurrentExports exports(LogRecordExporter delegate, int maxInFlight) {
    return new ConcurrentExports(delegate, maxInFlight, slots, counters);
  }

  private static List<LogRecordData> batch(String body) {
    return List.of(TestLogRecordData.builder().setBody(body).build());
  }

}
