package com.financereport.observability.internal.spool;

import com.financereport.observability.internal.record.ExportRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Log records for spool tests: the body is {@code rec-<n>} so deliveries can be counted by id. */
final class SpoolTestRecords {
  static final Resource RESOURCE =
      Resource.create(
          Attributes.of(
              AttributeKey.stringKey("service.name"), "spool-test",
              AttributeKey.stringKey("deployment.environment"), "test"));
  /** A sampled span context, for records that carry one. */
  static final SpanContext SAMPLED_SPAN =
      SpanContext.create(
          "0af7651916cd43dd8448eb211c80319c",
          "b7ad6b7169203331",
          io.opentelemetry.api.trace.TraceFlags.getSampled(),
          io.opentelemetry.api.trace.TraceState.getDefault());
  static final InstrumentationScopeInfo SCOPE =
      InstrumentationScopeInfo.builder("com.example.Ledger").setVersion("1.0").build();

  private SpoolTestRecords() {}

  static LogRecordData record(int id) {
    return record(id, System.currentTimeMillis());
  }

  static LogRecordData record(int id, long observedMillis) {
    return record(RESOURCE, id, observedMillis);
  }

  /** A record written under another resource, e.g. another service's. */
  static LogRecordData record(Resource resource, int id, long observedMillis) {
    long nanos = TimeUnit.MILLISECONDS.toNanos(observedMillis);
    return new ExportRecord(
        resource,
        SCOPE,
        nanos,
        nanos,
        SpanContext.getInvalid(),
        Severity.INFO,
        "INFO",
        Value.of("rec-" + id),
        Attributes.of(AttributeKey.longKey("id"), (long) id),
        1,
        null);
  }

  static List<LogRecordData> records(int fromInclusive, int toExclusive) {
    List<LogRecordData> records = new ArrayList<>();
    for (int i = fromInclusive; i < toExclusive; i++) {
      records.add(record(i));
    }
    return records;
  }

  static String body(LogRecordData record) {
    return record.getBodyValue().asString();
  }

  /** Reads and acknowledges everything, returning the bodies in delivery order. */
  static List<String> drain(DiskSpool spool) {
    List<String> bodies = new ArrayList<>();
    SpoolBatch batch;
    while ((batch = spool.read(100)) != null) {
      batch.records().forEach(r -> bodies.add(body(r)));
      spool.acknowledge(batch);
    }
    return bodies;
  }
}
