package com.financereport.observability.internal;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging into Logback, so JDK and dependency logs come out in the same format
 * and through the same redaction. The level propagator keeps JUL from building records that
 * Logback would discard anyway. Safe to call on every (re)configuration: a reset drops the
 * propagator, and Spring Boot's clean-up removes the handler.
 */
final class JulBridge {
  private JulBridge() {}

  static void install(LoggerContext context) {
    try {
      if (context.getCopyOfListenerList().stream()
          .noneMatch(LevelChangePropagator.class::isInstance)) {
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        propagator.start();
        context.addListener(propagator);
      }
      if (!SLF4JBridgeHandler.isInstalled()) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
      }
    } catch (LinkageError bridgeMissing) {
      // jul-to-slf4j excluded by the application: JUL keeps its own handlers.
      context.getStatusManager().add(
          new ch.qos.logback.core.status.WarnStatus(
              "java.util.logging is not bridged: add org.slf4j:jul-to-slf4j to the classpath",
              JulBridge.class));
    }
  }
}
