package com.financereport.observability.spring.logging;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

/**
 * Boot prints its banner straight to stdout, before any logger, where it would be the one line of
 * the stream that is not JSON. This turns it off by default; an explicit {@code
 * spring.main.banner-mode} still wins (this source comes last).
 */
public final class ConsoleBannerOff implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
  static final String SOURCE_NAME = "observabilityDefaults";

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    event
        .getEnvironment()
        .getPropertySources()
        .addLast(new MapPropertySource(SOURCE_NAME, Map.of("spring.main.banner-mode", "off")));
  }
}
