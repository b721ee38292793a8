package com.financereport.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueueFullWaitGateTest {
  private static final long BOUND = TimeUnit.MILLISECONDS.toNanos(250);
  private static final long FAST = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long SLOW = TimeUnit.SECONDS.toNanos(2);

  @Test
  void startsOpenWithTheConfiguredBound() {
    assertThat(new QueueFullWaitGate(BOUND).allowedWaitNanos()).isEqualTo(BOUND);
  }

  @Test
  void aZeroBoundNeverLetsALogCallWaitWhateverTheCollectorDoes() {
    QueueFullWaitGate gate = new QueueFullWaitGate(0);

    gate.succeeded(FAST);

    assertThat(gate.allowedWaitNanos()).isZero();
  }

  @Test
  void aWaitThatRanOutShutsTheGateUntilAFastExport() {
    QueueFullWaitGate gate = new QueueFullWaitGate(BOUND);

    gate.waitRanOut();
    assertThat(gate.allowedWaitNanos()).isZero();

    gate.succeeded(FAST);
    assertThat(gate.allowedWaitNanos()).isEqualTo(BOUND);
  }

  @Test
  void aFailedExportShutsTheGate() {
    QueueFullWaitGate gate = new QueueFullWaitGate(BOUND);

    gate.failed();

    assertThat(gate.allowedWaitNanos()).isZero();
  }

  @Test
  void anExportSlowerThanTheBoundDoesNotReopenIt() {
    QueueFullWaitGate gate = new QueueFullWaitGate(BOUND);
    gate.waitRanOut();

    gate.succeeded(SLOW);
    gate.succeeded(BOUND);

    assertThat(gate.allowedWaitNanos()).isZero();
  }
}
