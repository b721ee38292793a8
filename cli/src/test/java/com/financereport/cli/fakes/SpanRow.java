package com.financereport.cli.fakes;

import java.util.Map;

/**
 * A stored span as SigNoz keeps it (signoz_traces): ids in lower-case hex, the kind as its OTLP
 * name, attributes and resource attributes as strings.
 */
public record SpanRow(
    long timestampNanos,
    String traceId,
    String spanId,
    String name,
    String kind,
    long durationNanos,
    Map<String, String> attributes,
    Map<String, String> resources)
    implements StoredRow {}
