package com.financereport.example;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Two small endpoints: one that logs a line of its own, and one that only answers (for load). */
@RestController
class ItemController {
  private static final Logger log = LoggerFactory.getLogger(ItemController.class);

  @GetMapping("/api/items/{id}")
  Map<String, Object> item(@PathVariable String id) {
    log.atInfo().setMessage("Item read").addKeyValue("item_id", id).log();
    return Map.of("id", id, "name", "item " + id);
  }

  @GetMapping("/api/ping")
  String ping() {
    return "pong";
  }
}
