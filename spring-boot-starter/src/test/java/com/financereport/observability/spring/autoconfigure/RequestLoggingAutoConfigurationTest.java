package com.financereport.observability.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.spring.autoconfigure.ObservabilityAutoConfiguration.ReactiveRequestLogging.ReactorContextPropagation;
import com.financereport.observability.spring.web.RequestLoggingWebFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Each kind of web application gets its own request filter, and only that one; a reactive one also
 * gets Reactor's automatic context propagation unless Boot's own property says limited.
 */
class RequestLoggingAutoConfigurationTest {
  private static final AutoConfigurations STARTER =
      AutoConfigurations.of(ObservabilityAutoConfiguration.class);

  @Test
  void aReactiveApplicationGetsTheWebFilterAndNoServletFilter() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(STARTER)
        .run(
            context -> {
              assertThat(context).hasSingleBean(RequestLoggingWebFilter.class);
              assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
            });
  }

  @Test
  void aServletApplicationGetsTheServletFilterAndNoWebFilter() {
    new WebApplicationContextRunner()
        .withConfiguration(STARTER)
        .run(
            context -> {
              assertThat(context).hasSingleBean(FilterRegistrationBean.class);
              assertThat(context).doesNotHaveBean(RequestLoggingWebFilter.class);
            });
  }

  @Test
  void aReactiveApplicationGetsReactorsAutomaticContextPropagation() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(STARTER)
        .run(context -> assertThat(context).hasSingleBean(ReactorContextPropagation.class));
  }

  @Test
  void bootsLimitedContextPropagationKeepsItOff() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(STARTER)
        .withPropertyValues("spring.reactor.context-propagation=limited")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(ReactorContextPropagation.class);
              assertThat(context).hasSingleBean(RequestLoggingWebFilter.class);
            });
  }

  @Test
  void aServletApplicationLeavesReactorAlone() {
    new WebApplicationContextRunner()
        .withConfiguration(STARTER)
        .run(context -> assertThat(context).doesNotHaveBean(ReactorContextPropagation.class));
  }

  @Test
  void theSwitchTurnsTheWebFilterOff() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(STARTER)
        .withPropertyValues("observability.request-logging.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(RequestLoggingWebFilter.class));
  }
}
