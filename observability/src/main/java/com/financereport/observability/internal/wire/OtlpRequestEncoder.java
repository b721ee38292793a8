package com.financereport.observability.internal.wire;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Collection;
import java.util.function.Function;

/**
 * The nesting every OTLP export request shares: {@code resource_logs} / {@code resource_spans},
 * each with its resource, its {@code scope_logs} / {@code scope_spans} and schema URL, each of
 * those with its scope, its items in batch order and schema URL. The field numbers are the same
 * for both signals (logs.proto, trace.proto); a subclass writes one item.
 *
 * <p>One encoder per thread: it keeps its buffer between requests.
 */
public abstract class OtlpRequestEncoder<T> {
  private static final int REQUEST_RESOURCE_ITEMS = 1;
  private static final int RESOURCE_ITEMS_RESOURCE = 1;
  private static final int RESOURCE_ITEMS_SCOPE_ITEMS = 2;
  private static final int RESOURCE_ITEMS_SCHEMA_URL = 3;
  private static final int SCOPE_ITEMS_SCOPE = 1;
  /** The field of each item in its scope's message: {@code log_records}, {@code spans}. */
  static final int SCOPE_ITEMS = 2;
  private static final int SCOPE_ITEMS_SCHEMA_URL = 3;

  final ProtoWriter out;
  final OtlpCommonEncoder common;
  private final RecordGroups<T> groups;

  OtlpRequestEncoder(
      ProtoWriter out,
      Function<T, Resource> resourceOf,
      Function<T, InstrumentationScopeInfo> scopeOf) {
    this.out = out;
    this.common = new OtlpCommonEncoder(out);
    this.groups = new RecordGroups<>(resourceOf, scopeOf);
  }

  /** The request for {@code items}, in this encoder's buffer until the next call. */
  public final ProtoWriter encode(Collection<? extends T> items) {
    out.reset();
    groups.group(items);
    try {
      for (int r = groups.resourceCount() - 1; r >= 0; r--) {
        Resource resource = groups.resource(r);
        int resourceEnd = out.mark();
        out.string(RESOURCE_ITEMS_SCHEMA_URL, resource.getSchemaUrl());
        for (int g = groups.groupCount() - 1; g >= 0; g--) {
          if (groups.resourceOf(g) == r) {
            scopeItems(g);
          }
        }
        common.resource(RESOURCE_ITEMS_RESOURCE, resource);
        out.endMessage(REQUEST_RESOURCE_ITEMS, resourceEnd);
      }
    } finally {
      groups.clear();
    }
    return out;
  }

  private void scopeItems(int group) {
    InstrumentationScopeInfo scope = groups.scope(group);
    int scopeEnd = out.mark();
    out.string(SCOPE_ITEMS_SCHEMA_URL, scope.getSchemaUrl());
    for (int i = groups.last(group); i >= 0; i = groups.previous(i)) {
      item(groups.record(i));
    }
    common.scope(SCOPE_ITEMS_SCOPE, scope);
    out.endMessage(RESOURCE_ITEMS_SCOPE_ITEMS, scopeEnd);
  }

  /** One item as a {@link #SCOPE_ITEMS} message, written back to front. */
  abstract void item(T item);
}
