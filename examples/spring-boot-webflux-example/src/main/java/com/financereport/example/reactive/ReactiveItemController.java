package com.financereport.example.reactive;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An endpoint that answers later than it returns, as reactive ones do, and one that fails. */
@RestController
class ReactiveItemController {
  @GetMapping("/api/items/{id}")
  Mono<Map<String, Object>> item(@PathVariable String id) {
    return Mono.fromSupplier(() -> Map.<String, Object>of("id", id, "name", "item " + id));
  }

  @GetMapping("/api/broken")
  Mono<String> broken() {
    return Mono.error(new IllegalStateException("the item store is down"));
  }
}
