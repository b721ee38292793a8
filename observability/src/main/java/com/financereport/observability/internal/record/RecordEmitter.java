package com.financereport.observability.internal.record;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where our appender's records start: gives a {@link ExportRecordBuilder} per event, with the
 * logger's name as the instrumentation scope and the service's {@link Resource}, and passes every
 * emitted {@link ExportRecord} to one {@link LogRecordProcessor} (in the export, the queue
 * admission in front of the SDK's batch processor). It stands where the SDK's logger provider
 * would, without the mutable record and the copy the batch processor makes of it.
 */
public final class RecordEmitter {
  private final Resource resource;
  private final LogRecordProcessor processor;
  private final Clock clock;
  private final AttributeKeys keys = new AttributeKeys();
  private final ConcurrentHashMap<String, InstrumentationScopeInfo> scopes =
      new ConcurrentHashMap<>();

  public RecordEmitter(Resource resource, LogRecordProcessor processor, Clock clock) {
    this.resource = Objects.requireNonNull(resource, "resource");
    this.processor = Objects.requireNonNull(processor, "processor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A builder for one record of the named logger. */
  public ExportRecordBuilder builder(String loggerName) {
    InstrumentationScopeInfo scope = scopes.get(loggerName);
    if (scope == null) {
      scope = scopes.computeIfAbsent(loggerName, InstrumentationScopeInfo::create);
    }
    return new ExportRecordBuilder(this, scope);
  }

  Resource resource() {
    return resource;
  }

  Clock clock() {
    return clock;
  }

  AttributeKeys keys() {
    return keys;
  }

  void emit(Context context, ExportRecord record) {
    processor.onEmit(context, record);
  }
}
