package com.financereport.bench.encoder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.slf4j.event.KeyValuePair;

/**
 * The one representative event of the encoder benchmark, as a Logback and as a Log4j event:
 *
 * <pre>{@code
 * MDC.put("request_id", "req-7f3a9c2e41b84d05");
 * log.atInfo()
 *     .addKeyValue("user_id", 4411).addKeyValue("account", "acct-9f3c")
 *     .addKeyValue("amount", 1234.56).addKeyValue("password", "hunter2").addKeyValue("items", 3)
 *     .log("Statement processed for month {}", "2026-10");
 * }</pre>
 *
 * on thread {@value #THREAD}. The no-secret variant has {@code currency=EUR} in place of the
 * password, so every encoder writes the same amount but ours has nothing to replace.
 */
final class SampleEvents {
  static final String LOGGER = "com.financereport.backend.statement.StatementService";
  static final String THREAD = "http-nio-8080-exec-7";
  static final String PATTERN = "Statement processed for month {}";
  static final String MONTH = "2026-10";
  static final String SECRET = "hunter2";

  private SampleEvents() {}

  /**
   * A Logback event as the SLF4J fluent API builds it, with every lazily computed field (formatted
   * message, MDC, thread name) already cached, as an async appender would leave it.
   */
  static LoggingEvent logback(LoggerContext context, boolean withSecret) {
    return logback(context, keyValues(withSecret), MONTH, "req-7f3a9c2e41b84d05");
  }

  /**
   * The same shape with different texts: message argument, account, secret and request id all
   * carry {@code n}, so nothing an encoder remembers from one event helps with the next.
   */
  static LoggingEvent logbackFresh(LoggerContext context, int n) {
    Map<String, Object> pairs = new LinkedHashMap<>();
    pairs.put("user_id", 4411 + n);
    pairs.put("account", "acct-" + Integer.toHexString(0x9f3c + n));
    pairs.put("amount", 1234.56 + n);
    pairs.put("password", SECRET + n);
    pairs.put("items", 3 + n % 7);
    return logback(context, pairs, MONTH + "-" + n, "req-" + Long.toHexString(0x7f3a9c2e41b84d05L + n));
  }

  private static LoggingEvent logback(
      LoggerContext context, Map<String, Object> keyValues, String month, String requestId) {
    Logger logger = context.getLogger(LOGGER);
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(), logger, Level.INFO, PATTERN, null, new Object[] {month});
    for (Map.Entry<String, Object> pair : keyValues.entrySet()) {
      event.addKeyValuePair(new KeyValuePair(pair.getKey(), pair.getValue()));
    }
    Map<String, String> mdc = new HashMap<>();
    mdc.put("request_id", requestId);
    event.setMDCPropertyMap(mdc);
    event.setThreadName(THREAD);
    event.prepareForDeferredProcessing();
    return event;
  }

  /**
   * The same event for Log4j. Log4j has no key-values: its SLF4J 2 bridge (log4j-slf4j2-impl) puts
   * them into the context data as strings next to the MDC, so that is what this event carries.
   * Same instant, thread and formatted message (cached in the message before the first encode).
   */
  static LogEvent log4j(LoggingEvent twin, boolean withSecret) {
    SortedArrayStringMap contextData = new SortedArrayStringMap();
    contextData.putValue("request_id", twin.getMDCPropertyMap().get("request_id"));
    for (Map.Entry<String, Object> pair : keyValues(withSecret).entrySet()) {
      contextData.putValue(pair.getKey(), String.valueOf(pair.getValue()));
    }
    contextData.freeze();
    MutableInstant instant = new MutableInstant();
    instant.initFromEpochSecond(
        twin.getInstant().getEpochSecond(), twin.getInstant().getNano());
    ParameterizedMessage message = new ParameterizedMessage(PATTERN, MONTH);
    message.getFormattedMessage();
    return Log4jLogEvent.newBuilder()
        .setLoggerName(LOGGER)
        .setLoggerFqcn(org.apache.logging.log4j.spi.AbstractLogger.class.getName())
        .setLevel(org.apache.logging.log4j.Level.INFO)
        .setMessage(message)
        .setContextData(contextData)
        .setInstant(instant)
        .setThreadName(THREAD)
        .setThreadId(Thread.currentThread().getId())
        .setThreadPriority(Thread.NORM_PRIORITY)
        .setIncludeLocation(false)
        .build();
  }

  /** Insertion-ordered, as the fluent API keeps them. */
  private static Map<String, Object> keyValues(boolean withSecret) {
    Map<String, Object> pairs = new LinkedHashMap<>();
    pairs.put("user_id", 4411);
    pairs.put("account", "acct-9f3c");
    pairs.put("amount", 1234.56);
    if (withSecret) {
      pairs.put("password", SECRET);
    } else {
      pairs.put("currency", "EUR");
    }
    pairs.put("items", 3);
    return pairs;
  }
}
