package com.financereport.observability.internal.signals;

import io.opentelemetry.sdk.trace.samplers.Sampler;

/** OTEL_TRACES_SAMPLER's names, as the SDK's autoconfigure reads them. */
final class Samplers {
  private Samplers() {}

  /** {@code name} is one the settings accepted; {@code ratio} is OTEL_TRACES_SAMPLER_ARG. */
  static Sampler of(String name, double ratio) {
    return switch (name) {
      case "always_on" -> Sampler.alwaysOn();
      case "always_off" -> Sampler.alwaysOff();
      case "traceidratio" -> Sampler.traceIdRatioBased(ratio);
      case "parentbased_always_off" -> Sampler.parentBased(Sampler.alwaysOff());
      case "parentbased_traceidratio" -> Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
      default -> Sampler.parentBased(Sampler.alwaysOn());
    };
  }
}
