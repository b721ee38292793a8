package com.financereport.cli.fakes;

import java.util.Map;

/** What query_range filters every stored signal by: its time, attributes and resource attributes. */
interface StoredRow {
  long timestampNanos();

  Map<String, String> attributes();

  Map<String, String> resources();
}
