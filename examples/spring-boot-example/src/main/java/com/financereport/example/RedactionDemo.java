package com.financereport.example;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code example.redaction-demo=true}, logs a secret once in each place one hides in real
 * code: the message, a key-value, the MDC, an exception and a java.util.logging call. Every one of
 * them comes out redacted, on stdout and at the collector.
 */
@Component
@ConditionalOnProperty(name = "example.redaction-demo", havingValue = "true")
class RedactionDemo implements ApplicationRunner {
  static final String MESSAGE_SECRET = "msgS3cretBearer0001";
  static final String KEY_VALUE_SECRET = "kvS3cretValue0002";
  static final String MDC_SECRET = "mdcS3cretValue0003";
  static final String EXCEPTION_SECRET = "excS3cretBearer0004";
  static final String JUL_SECRET = "julS3cretValue0005";

  private static final Logger log = LoggerFactory.getLogger(RedactionDemo.class);

  @Override
  public void run(ApplicationArguments args) {
    log.info("Calling the partner API with Authorization: Bearer {}", MESSAGE_SECRET);
    log.atInfo().setMessage("Partner login").addKeyValue("password", KEY_VALUE_SECRET).log();
    MDC.put("session", MDC_SECRET);
    try {
      log.info("Session opened");
    } finally {
      MDC.remove("session");
    }
    log.error(
        "Partner call failed",
        new IllegalStateException("partner rejected Bearer " + EXCEPTION_SECRET));
    java.util.logging.Logger.getLogger("example.jul").warning("legacy client sent token=" + JUL_SECRET);
    log.info("Redaction demo done");
  }
}
