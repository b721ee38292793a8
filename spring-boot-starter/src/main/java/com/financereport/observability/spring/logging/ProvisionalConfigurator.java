package com.financereport.observability.spring.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.logback.ObservabilityConfigurator;
import com.financereport.observability.settings.EnvironmentKeys;
import com.financereport.observability.settings.ObservabilitySettings;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Marker;

/**
 * Logback's first configuration in a Spring Boot application, before Boot has read its
 * environment. Boot resets Logback moments later, so this one is provisional: our stdout line (in
 * case anything logs that early) and the JUL bridge, but no export and no start-up event. Those
 * come once, from {@link ObservabilityLoggingSystem}, with Spring's properties (the application
 * name as service.name, Boot's endpoint property): one pipeline per process, under the right
 * resource. Ranked above the library's own zero-code configurator.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public class ProvisionalConfigurator extends ContextAwareBase implements Configurator {
  static final String LOGGING_SYSTEM_PROPERTY = "org.springframework.boot.logging.LoggingSystem";

  private static final TurboFilter QUIET =
      new TurboFilter() {
        @Override
        public FilterReply decide(
            Marker marker,
            ch.qos.logback.classic.Logger logger,
            Level level,
            String format,
            Object[] params,
            Throwable t) {
          return FilterReply.DENY;
        }
      };

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (logbackReadsAFileItself(Thread.currentThread().getContextClassLoader())
        || System.getProperty(LOGGING_SYSTEM_PROPERTY) != null) {
      // Logback's own file, or another Spring logging system: the library's rules apply.
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put(EnvironmentKeys.OTEL_SDK_DISABLED, "true");
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(environment));
    // Its start-up event and warnings would describe this provisional runtime; the real one says them.
    context.addTurboFilter(QUIET);
    try {
      ObservabilityConfigurator.apply(context, runtime);
    } finally {
      context.getTurboFilterList().remove(QUIET);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Files Logback loads by itself (logback-spring.xml is Boot's, read at its initialisation). */
  private static boolean logbackReadsAFileItself(ClassLoader loader) {
    ClassLoader effective = loader != null ? loader : ProvisionalConfigurator.class.getClassLoader();
    return System.getProperty("logback.configurationFile") != null
        || effective.getResource("logback-test.xml") != null
        || effective.getResource("logback.xml") != null;
  }
}
