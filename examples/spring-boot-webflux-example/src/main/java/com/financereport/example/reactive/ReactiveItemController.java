package com.financereport.example.reactive;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An endpoint that answers later than it returns, as reactive ones do, one that fails, and one
 * that logs on three threads (Netty's, after a delay, after a hop to a blocking-work pool), as a
 * handler that calls a slow store does.
 */
@RestController
class ReactiveItemController {
  private static final Logger log = LoggerFactory.getLogger(ReactiveItemController.class);

  @GetMapping("/api/items/{id}")
  Mono<Map<String, Object>> item(@PathVariable String id) {
    return Mono.fromSupplier(() -> Map.<String, Object>of("id", id, "name", "item " + id));
  }

  @GetMapping("/api/items/{id}/stock")
  Mono<Map<String, Object>> stock(@PathVariable String id) {
    log.atInfo().setMessage("stock lookup started").addKeyValue("item_id", id).log();
    return Mono.delay(Duration.ofMillis(5), Schedulers.single())
        .doOnNext(tick -> log.atInfo().setMessage("stock lookup waited").addKeyValue("item_id", id).log())
        .publishOn(Schedulers.boundedElastic())
        .map(
            tick -> {
              log.atInfo().setMessage("stock lookup finished").addKeyValue("item_id", id).log();
              return Map.<String, Object>of("id", id, "stock", 3);
            });
  }

  @GetMapping("/api/broken")
  Mono<String> broken() {
    return Mono.error(new IllegalStateException("the item store is down"));
  }
}
