package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightRecordsTest {
  private static final long ONE_MINUTE = TimeUnit.MINUTES.toNanos(1);

  @Test
  void admitsUpToTheCapacityThenRefusesWithoutWaiting() {
    InFlightRecords inFlight = new InFlightRecords(2);

    assertThat(inFlight.admit(0)).isTrue();
    assertThat(inFlight.admit(0)).isTrue();
    assertThat(inFlight.admit(0)).isFalse();
    assertThat(inFlight.unsettled()).isEqualTo(2);
  }

  @Test
  void aWaitingThreadIsAdmittedAsSoonAsTheExporterFreesASlot() throws Exception {
    InFlightRecords inFlight = new InFlightRecords(1);
    inFlight.admit(0);
    CompletableFuture<Boolean> waiting = new CompletableFuture<>();
    Thread waiter = new Thread(() -> waiting.complete(inFlight.admit(ONE_MINUTE)), "waiter");
    waiter.start();
    // Observed, not slept for: the waiter is parked inside admit() for want of a slot.
    while (waiter.getState() != Thread.State.TIMED_WAITING && !waiting.isDone()) {
      Thread.onSpinWait();
    }
    assertThat(waiting).as("admitted while the only slot was taken").isNotDone();

    inFlight.handedOff(1);

    assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aWaitEndsAtItsBoundWhenNoSlotComesFree() {
    InFlightRecords inFlight = new InFlightRecords(1);
    inFlight.admit(0);
    long start = System.nanoTime();

    boolean admitted = inFlight.admit(TimeUnit.MILLISECONDS.toNanos(200));

    assertThat(admitted).isFalse();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
  }

  @Test
  void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
    InFlightRecords inFlight = new InFlightRecords(1);
    inFlight.admit(0);
    Thread.currentThread().interrupt();

    boolean admitted = inFlight.admit(ONE_MINUTE);

    assertThat(admitted).isFalse();
    assertThat(Thread.interrupted()).isTrue();
  }
}
