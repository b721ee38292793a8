package com.financereport.observability.internal.record;

import io.opentelemetry.api.common.AttributeKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One {@link AttributeKey} per name and type, made once: a log's keys come from a small, fixed set
 * of names, and the OTLP exporter caches each key's UTF-8 bytes on the key object, so a key made
 * afresh for every record is encoded afresh for every record. At most {@link #MAX_CACHED} keys of
 * each type are kept; names beyond that (an application that puts ids into key names) get a fresh
 * key each time, so memory stays bounded.
 */
final class AttributeKeys {
  static final int MAX_CACHED = 2048;

  private final Cache<String> strings = new Cache<>(AttributeKey::stringKey);
  private final Cache<Long> longs = new Cache<>(AttributeKey::longKey);
  private final Cache<Double> doubles = new Cache<>(AttributeKey::doubleKey);
  private final Cache<Boolean> booleans = new Cache<>(AttributeKey::booleanKey);

  AttributeKey<String> string(String name) {
    return strings.get(name);
  }

  AttributeKey<Long> longKey(String name) {
    return longs.get(name);
  }

  AttributeKey<Double> doubleKey(String name) {
    return doubles.get(name);
  }

  AttributeKey<Boolean> booleanKey(String name) {
    return booleans.get(name);
  }

  private static final class Cache<T> {
    private final ConcurrentHashMap<String, AttributeKey<T>> keys = new ConcurrentHashMap<>();
    private final Function<String, AttributeKey<T>> factory;

    Cache(Function<String, AttributeKey<T>> factory) {
      this.factory = factory;
    }

    AttributeKey<T> get(String name) {
      AttributeKey<T> key = keys.get(name);
      if (key != null) {
        return key;
      }
      key = factory.apply(name);
      if (keys.size() < MAX_CACHED) {
        AttributeKey<T> raced = keys.putIfAbsent(name, key);
        return raced != null ? raced : key;
      }
      return key;
    }
  }
}
