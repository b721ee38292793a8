package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.otlp.QueueSlots;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueueSlotsTest {
  private static final long ONE_MINUTE = TimeUnit.MINUTES.toNanos(1);
  private static final long BOUND = TimeUnit.MILLISECONDS.toNanos(250);
  private static final long FAST = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long SLOW = TimeUnit.SECONDS.toNanos(2);

  @Test
  void admitsUpToTheCapacityThenRefusesWithoutWaiting() {
    QueueSlots slots = new QueueSlots(2, 0);

    assertThat(slots.admit()).isTrue();
    assertThat(slots.admit()).isTrue();
    assertThat(slots.admit()).isFalse();
    assertThat(slots.unsettled()).isEqualTo(2);
  }

  @Test
  void aWaitingThreadIsAdmittedAsSoonAsTheExporterFreesASlot() throws Exception {
    QueueSlots slots = new QueueSlots(1, 0);
    slots.admit();
    CompletableFuture<Boolean> waiting = new CompletableFuture<>();
    Thread waiter = new Thread(() -> waiting.complete(slots.admit(ONE_MINUTE)), "waiter");
    waiter.start();
    // Observed, not slept for: the waiter is parked inside admit() for want of a slot.
    while (waiter.getState() != Thread.State.TIMED_WAITING && !waiting.isDone()) {
      Thread.onSpinWait();
    }
    assertThat(waiting).as("admitted while the only slot was taken").isNotDone();

    slots.handedOff(1);

    assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aWaitEndsAtItsBoundWhenNoSlotComesFree() {
    QueueSlots slots = new QueueSlots(1, 0);
    slots.admit();
    long start = System.nanoTime();

    boolean admitted = slots.admit(TimeUnit.MILLISECONDS.toNanos(200));

    assertThat(admitted).isFalse();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
  }

  @Test
  void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
    QueueSlots slots = new QueueSlots(1, BOUND);
    slots.admit();
    Thread.currentThread().interrupt();

    boolean admitted = slots.admit();

    assertThat(admitted).isFalse();
    assertThat(Thread.interrupted()).isTrue();
    assertThat(slots.allowedWaitNanos())
        .as("an interrupt says nothing about the collector")
        .isEqualTo(BOUND);
  }

  @Test
  void settledRecordsLeaveTheUnsettledCount() {
    QueueSlots slots = new QueueSlots(4, 0);
    slots.admit();
    slots.admit();

    slots.handedOff(2);
    assertThat(slots.unsettled()).as("handed off, still on the wire").isEqualTo(2);
    slots.settled(2);

    assertThat(slots.unsettled()).isZero();
  }

  @Test
  void waitingStartsAllowedWithTheConfiguredBound() {
    assertThat(new QueueSlots(1, BOUND).allowedWaitNanos()).isEqualTo(BOUND);
  }

  @Test
  void aZeroBoundNeverLetsALogCallWaitWhateverTheCollectorDoes() {
    QueueSlots slots = new QueueSlots(1, 0);

    slots.collectorAnswered(FAST);

    assertThat(slots.allowedWaitNanos()).isZero();
  }

  @Test
  void aWaitThatRanOutStopsWaitingUntilAFastExport() {
    QueueSlots slots = new QueueSlots(1, TimeUnit.MILLISECONDS.toNanos(20));
    slots.admit();

    assertThat(slots.admit()).as("no slot came free").isFalse();
    assertThat(slots.allowedWaitNanos()).isZero();

    slots.collectorAnswered(FAST);
    assertThat(slots.allowedWaitNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
  }

  @Test
  void aFailedExportStopsWaiting() {
    QueueSlots slots = new QueueSlots(1, BOUND);

    slots.collectorFailed();

    assertThat(slots.allowedWaitNanos()).isZero();
  }

  @Test
  void anExportSlowerThanTheBoundDoesNotAllowWaitingAgain() {
    QueueSlots slots = new QueueSlots(1, BOUND);
    slots.collectorFailed();

    slots.collectorAnswered(SLOW);
    slots.collectorAnswered(BOUND);

    assertThat(slots.allowedWaitNanos()).isZero();
  }
}
