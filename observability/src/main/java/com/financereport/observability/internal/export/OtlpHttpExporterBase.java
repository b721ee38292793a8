package com.financereport.observability.internal.export;

import io.opentelemetry.sdk.common.CompletableResultCode;

/** What the log and span senders share: one transport, nothing buffered, one shutdown. */
abstract class OtlpHttpExporterBase {
  final OtlpHttpTransport transport;

  OtlpHttpExporterBase(OtlpHttpTransport transport) {
    this.transport = transport;
  }

  /** Nothing is buffered here: a batch is on the wire once exported. */
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  public CompletableResultCode shutdown() {
    return transport.shutdown();
  }
}
