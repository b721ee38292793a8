package com.financereport.observability.redaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a walked value as plain Java values, for {@link Redactor#redactValue}: maps become
 * unmodifiable {@code Map<String, Object>} in their own order, lists and arrays unmodifiable
 * {@code List<Object>}, numbers and booleans stay as given. Used once.
 */
final class RedactedCopy implements ValueSink {
  /** The open containers, innermost last, each with the key it goes under in its parent. */
  private final List<Object> open = new ArrayList<>();
  private final List<String> keysInParent = new ArrayList<>();
  private String key;
  private Object result;

  Object result() {
    return result;
  }

  @Override
  public void nullValue() {
    add(null);
  }

  @Override
  public void bool(boolean value) {
    add(value);
  }

  @Override
  public void number(Number value) {
    add(value);
  }

  @Override
  public void text(String value, int maxBytes) {
    add(Utf8Cut.cut(value, maxBytes));
  }

  @Override
  public void beginMap() {
    push(new LinkedHashMap<String, Object>());
  }

  @Override
  public void key(String key, int maxBytes) {
    this.key = Utf8Cut.cut(key, maxBytes);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void endMap() {
    add(Collections.unmodifiableMap((Map<String, Object>) pop()));
  }

  @Override
  public void beginList() {
    push(new ArrayList<>());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void endList() {
    add(Collections.unmodifiableList((List<Object>) pop()));
  }

  @Override
  public void discardOpen() {
    pop();
  }

  private void push(Object container) {
    open.add(container);
    keysInParent.add(key);
  }

  /** Removes the innermost container; the key it stood under is the next value's again. */
  private Object pop() {
    int last = open.size() - 1;
    key = keysInParent.remove(last);
    return open.remove(last);
  }

  @SuppressWarnings("unchecked")
  private void add(Object value) {
    if (open.isEmpty()) {
      result = value;
      return;
    }
    Object parent = open.get(open.size() - 1);
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(key, value);
    } else {
      ((List<Object>) parent).add(value);
    }
  }
}
