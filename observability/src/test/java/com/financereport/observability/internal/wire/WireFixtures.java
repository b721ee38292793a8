package com.financereport.observability.internal.wire;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The resources and scopes both encoder tests write, and how they compare decoded requests. */
final class WireFixtures {
  static final Resource SERVICE =
      Resource.create(
          Attributes.builder()
              .put("service.name", "finance-report-backend")
              .put("deployment.environment", "pr-42")
              .put("service.version", "1.4.2")
              .put("telemetry.sdk.language", "java")
              .build(),
          "https://opentelemetry.io/schemas/1.24.0");
  static final Resource OTHER_SERVICE =
      Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "billing"));
  static final InstrumentationScopeInfo HTTP_SCOPE =
      InstrumentationScopeInfo.builder("com.financereport.http")
          .setVersion("2.1")
          .setSchemaUrl("https://opentelemetry.io/schemas/1.21.0")
          .setAttributes(Attributes.of(AttributeKey.booleanKey("scope.flag"), true))
          .build();
  static final InstrumentationScopeInfo PLAIN_SCOPE =
      InstrumentationScopeInfo.create("com.financereport.jobs");

  /** A context that is valid but not sampled, of another trace. */
  static final SpanContext UNSAMPLED =
      SpanContext.create(
          "0af7651916cd43dd8448eb211c80319c",
          "b7ad6b7169203331",
          TraceFlags.getDefault(),
          TraceState.getDefault());

  private WireFixtures() {}

  /**
   * A decoded request as resource (with its schema URL) → scope (with its schema URL) → items in
   * batch order, so that two requests compare equal whatever order their groups come in (the
   * SDK's is hash order).
   *
   * @param <R> {@code ResourceLogs} or {@code ResourceSpans}
   * @param <S> {@code ScopeLogs} or {@code ScopeSpans}
   */
  static <R, S, I> Map<String, Map<String, List<I>>> normalized(
      List<R> resources,
      Function<R, String> resourceKey,
      Function<R, List<S>> scopesOf,
      Function<S, String> scopeKey,
      Function<S, List<I>> itemsOf) {
    Map<String, Map<String, List<I>>> byResource = new LinkedHashMap<>();
    for (R resource : resources) {
      for (S scope : scopesOf.apply(resource)) {
        byResource
            .computeIfAbsent(resourceKey.apply(resource), any -> new TreeMap<>())
            .computeIfAbsent(scopeKey.apply(scope), any -> new ArrayList<>())
            .addAll(itemsOf.apply(scope));
      }
    }
    return new TreeMap<>(byResource);
  }
}
