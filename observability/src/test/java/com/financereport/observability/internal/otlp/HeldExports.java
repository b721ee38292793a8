package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.export.Sender;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A sender that keeps every export open until the test completes it, or one that throws. */
final class HeldExports implements Sender {
  final List<CompletableResultCode> results = new ArrayList<>();
  final List<List<LogRecordData>> batches = new ArrayList<>();
  boolean shutdownCalled;
  private final RuntimeException thrown; // null: exports are held

  HeldExports() {
    this(null);
  }

  private HeldExports(RuntimeException thrown) {
    this.thrown = thrown;
  }

  /** Breaks the exporter contract: every export throws. */
  static HeldExports throwing() {
    return new HeldExports(new IllegalStateException("a broken exporter"));
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    if (thrown != null) {
      throw thrown;
    }
    batches.add(List.copyOf(logs));
    CompletableResultCode result = new CompletableResultCode();
    results.add(result);
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    shutdownCalled = true;
    return CompletableResultCode.ofSuccess();
  }
}
