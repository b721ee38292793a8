package com.financereport.cli.fakes;

import java.util.Map;

/** A stored log record as SigNoz keeps it: every resource attribute becomes a string. */
public record LogRow(
    long timestampNanos,
    String body,
    String severityText,
    Map<String, String> attributes,
    Map<String, String> resources)
    implements StoredRow {}
