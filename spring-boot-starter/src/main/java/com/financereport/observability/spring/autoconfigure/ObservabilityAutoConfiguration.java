package com.financereport.observability.spring.autoconfigure;

import com.financereport.observability.Observability;
import com.financereport.observability.spring.actuate.ObservabilityEndpoint;
import com.financereport.observability.spring.health.Boot3TelemetryHealthIndicator;
import com.financereport.observability.spring.health.Boot4TelemetryHealthIndicator;
import com.financereport.observability.spring.metrics.ExportMeters;
import com.financereport.observability.http.ServerRequests;
import com.financereport.observability.spring.web.RequestLoggingFilter;
import com.financereport.observability.spring.web.RequestLoggingWebFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import reactor.core.publisher.Hooks;

/**
 * What the starter adds to the application context. Logging itself is not here: it is set up by
 * {@code ObservabilityLoggingSystem}, before any context exists. Each part appears only when its
 * library is on the classpath, and can be switched off with {@code observability.<part>.enabled=false}.
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {
  static final String TELEMETRY = "telemetry";

  /** The telemetry contributor on Boot 3 (health API in spring-boot-actuator). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnProperty(name = "observability.health.enabled", matchIfMissing = true)
  static class Boot3Health {
    @Bean(name = TELEMETRY + "HealthIndicator")
    @ConditionalOnMissingBean(name = TELEMETRY + "HealthIndicator")
    Boot3TelemetryHealthIndicator telemetryHealthIndicator() {
      return new Boot3TelemetryHealthIndicator(Observability::exportStatus);
    }
  }

  /** The telemetry contributor on Boot 4 (health API in spring-boot-health). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnProperty(name = "observability.health.enabled", matchIfMissing = true)
  static class Boot4Health {
    @Bean(name = TELEMETRY + "HealthIndicator")
    @ConditionalOnMissingBean(name = TELEMETRY + "HealthIndicator")
    Boot4TelemetryHealthIndicator telemetryHealthIndicator() {
      return new Boot4TelemetryHealthIndicator(Observability::exportStatus);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  static class SnapshotEndpoint {
    @Bean
    @ConditionalOnMissingBean
    ObservabilityEndpoint observabilityEndpoint() {
      return new ObservabilityEndpoint(Observability::snapshot);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  @ConditionalOnProperty(name = "observability.metrics.enabled", matchIfMissing = true)
  static class Meters {
    @Bean
    @ConditionalOnMissingBean
    ExportMeters observabilityExportMeters() {
      return new ExportMeters(Observability::exportStatus);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.HandlerMapping")
  @ConditionalOnProperty(name = "observability.request-logging.enabled", matchIfMissing = true)
  static class RequestLogging {
    @Bean
    @ConditionalOnMissingBean
    FilterRegistrationBean<RequestLoggingFilter> observabilityRequestLoggingFilter() {
      FilterRegistrationBean<RequestLoggingFilter> registration =
          new FilterRegistrationBean<>(new RequestLoggingFilter(ServerRequests.of(Observability.runtime())));
      // First in the chain: every other filter's lines already carry the request id and trace.
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }

  /** WebFlux: the same request line, for a reactive application (Netty, or any reactive server). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  @ConditionalOnClass(name = "org.springframework.web.reactive.HandlerMapping")
  @ConditionalOnProperty(name = "observability.request-logging.enabled", matchIfMissing = true)
  static class ReactiveRequestLogging {
    @Bean
    @ConditionalOnMissingBean
    RequestLoggingWebFilter observabilityRequestLoggingWebFilter() {
      return new RequestLoggingWebFilter(ServerRequests.of(Observability.runtime()));
    }

    /**
     * Reactor's automatic context propagation, so a handler's own lines carry the request's id and
     * trace after a thread hop. Boot leaves it off unless {@code spring.reactor.context-propagation=auto};
     * the starter turns it on when that property is unset, and Boot's {@code limited} keeps it off.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"reactor.core.publisher.Hooks", "io.micrometer.context.ContextRegistry"})
    @ConditionalOnProperty(
        name = "spring.reactor.context-propagation",
        havingValue = "auto",
        matchIfMissing = true)
    static class ReactorContextPropagation {
      ReactorContextPropagation() {
        Hooks.enableAutomaticContextPropagation();
      }
    }
  }
}
