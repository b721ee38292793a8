package com.financereport.example;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs one line while the context closes: it must still reach stdout and the collector. */
@Component
class ShutdownNote {
  static final String MESSAGE = "Example application stopping";
  private static final Logger log = LoggerFactory.getLogger(ShutdownNote.class);

  @PreDestroy
  void stopping() {
    log.info(MESSAGE);
  }
}
