package com.financereport.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CollectorProbeTest {
  @Test
  void aBaseEndpointGetsTheSignalPathAppendedOnce() {
    assertThat(CollectorProbe.signalEndpoint("http://collector:4318/", "/v1/traces"))
        .hasToString("http://collector:4318/v1/traces");
  }

  @Test
  void aLogsEndpointGivenAsTheBaseSendsSpansToTraces() {
    assertThat(CollectorProbe.signalEndpoint("http://collector:4318/v1/logs", "/v1/traces"))
        .hasToString("http://collector:4318/v1/traces");
  }

  @Test
  void aLogsEndpointStaysAsGiven() {
    assertThat(CollectorProbe.logsEndpoint("http://collector:4318/v1/logs")).hasToString("http://collector:4318/v1/logs");
  }
}
