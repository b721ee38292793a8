package com.financereport.observability.internal.wire;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.function.Function;

/**
 * A batch's records by resource, then by instrumentation scope, each in first-seen order, as
 * OTLP nests them, with no collection per group: each record links to the previous record of its
 * group, so a group is walked from its last record back, as the back-to-front writer needs it.
 * Equal resources and scopes share a group even when they are different objects; a batch of our
 * appender's records shares one resource and one scope object per logger, so consecutive records
 * of the same scope are matched by identity alone.
 *
 * <p>Reused from batch to batch by one encoder; {@link #clear} drops the records.
 */
final class RecordGroups<T> {
  private final Function<T, Resource> resourceOf;
  private final Function<T, InstrumentationScopeInfo> scopeOf;

  private Object[] records = new Object[256];
  private int[] previous = new int[256];
  private int recordCount;

  private Resource[] resources = new Resource[4];
  private int resourceCount;

  private int[] groupResource = new int[16];
  private InstrumentationScopeInfo[] groupScope = new InstrumentationScopeInfo[16];
  private int[] groupLast = new int[16];
  private int groupCount;
  private final IdentityHashMap<InstrumentationScopeInfo, Integer> byScopeObject =
      new IdentityHashMap<>();

  RecordGroups(Function<T, Resource> resourceOf, Function<T, InstrumentationScopeInfo> scopeOf) {
    this.resourceOf = resourceOf;
    this.scopeOf = scopeOf;
  }

  void group(Collection<? extends T> batch) {
    if (records.length < batch.size()) {
      records = new Object[batch.size()];
      previous = new int[batch.size()];
    }
    Resource lastResource = null;
    InstrumentationScopeInfo lastScope = null;
    int group = -1;
    for (T record : batch) {
      Resource resource = resourceOf.apply(record);
      InstrumentationScopeInfo scope = scopeOf.apply(record);
      if (resource != lastResource || scope != lastScope) {
        group = groupOf(resourceIndex(resource), scope);
        lastResource = resource;
        lastScope = scope;
      }
      int index = recordCount++;
      records[index] = record;
      previous[index] = groupLast[group];
      groupLast[group] = index;
    }
  }

  int resourceCount() {
    return resourceCount;
  }

  Resource resource(int index) {
    return resources[index];
  }

  int groupCount() {
    return groupCount;
  }

  int resourceOf(int group) {
    return groupResource[group];
  }

  InstrumentationScopeInfo scope(int group) {
    return groupScope[group];
  }

  /** The index of the group's last record. */
  int last(int group) {
    return groupLast[group];
  }

  /** The index of the record before {@code record} in its group, or -1. */
  int previous(int record) {
    return previous[record];
  }

  @SuppressWarnings("unchecked")
  T record(int index) {
    return (T) records[index];
  }

  void clear() {
    Arrays.fill(records, 0, recordCount, null);
    Arrays.fill(resources, 0, resourceCount, null);
    Arrays.fill(groupScope, 0, groupCount, null);
    recordCount = 0;
    resourceCount = 0;
    groupCount = 0;
    byScopeObject.clear();
  }

  private int resourceIndex(Resource resource) {
    for (int i = 0; i < resourceCount; i++) {
      if (resources[i] == resource || resources[i].equals(resource)) {
        return i;
      }
    }
    if (resourceCount == resources.length) {
      resources = Arrays.copyOf(resources, resourceCount * 2);
    }
    resources[resourceCount] = resource;
    return resourceCount++;
  }

  /**
   * The group of this resource and scope: by the scope object first (loggers reuse theirs), then
   * by equality.
   */
  private int groupOf(int resource, InstrumentationScopeInfo scope) {
    Integer known = byScopeObject.get(scope);
    if (known != null && groupResource[known] == resource) {
      return known;
    }
    int found = equalGroup(resource, scope);
    byScopeObject.put(scope, found);
    return found;
  }

  private int equalGroup(int resource, InstrumentationScopeInfo scope) {
    for (int g = 0; g < groupCount; g++) {
      if (groupResource[g] == resource
          && (groupScope[g] == scope || groupScope[g].equals(scope))) {
        return g;
      }
    }
    if (groupCount == groupScope.length) {
      groupResource = Arrays.copyOf(groupResource, groupCount * 2);
      groupScope = Arrays.copyOf(groupScope, groupCount * 2);
      groupLast = Arrays.copyOf(groupLast, groupCount * 2);
    }
    groupResource[groupCount] = resource;
    groupScope[groupCount] = scope;
    groupLast[groupCount] = -1;
    return groupCount++;
  }
}
