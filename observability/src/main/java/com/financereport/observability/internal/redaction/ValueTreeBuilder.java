package com.financereport.observability.internal.redaction;

import com.financereport.observability.redaction.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ValueSink} that collects the walked value as a tree of {@code V}, for outputs that need
 * the whole value at once (an OTLP {@code Value}, the copy of {@link Redactor#redactValue}). Texts
 * and keys are cut here by the one rule of {@link Utf8Cut}; subclasses only say how a scalar, a
 * list and a map become a {@code V}. One walk at a time: {@link #reset()} before the next.
 */
public abstract class ValueTreeBuilder<V> implements ValueSink {
  /** The open containers, innermost last, each with the key it goes under in its parent. */
  private final List<Object> open = new ArrayList<>();
  private final List<String> keysInParent = new ArrayList<>();
  private String key;
  private V result;

  protected abstract V ofNull();

  protected abstract V ofBool(boolean value);

  protected abstract V ofNumber(Number value);

  protected abstract V ofText(String value);

  protected abstract V ofList(List<V> items);

  protected abstract V ofMap(Map<String, V> members);

  /** The value of the last walk; null before any. */
  public final V result() {
    return result;
  }

  /** Forgets the last walk, including one a failure left half done. */
  public final void reset() {
    open.clear();
    keysInParent.clear();
    key = null;
    result = null;
  }

  @Override
  public final void nullValue() {
    add(ofNull());
  }

  @Override
  public final void bool(boolean value) {
    add(ofBool(value));
  }

  @Override
  public final void number(Number value) {
    add(ofNumber(value));
  }

  @Override
  public final void text(String value, int maxBytes) {
    add(ofText(Utf8Cut.cut(value, maxBytes)));
  }

  @Override
  public final void beginMap() {
    push(new LinkedHashMap<String, V>());
  }

  @Override
  public final void key(String key, int maxBytes) {
    this.key = Utf8Cut.cut(key, maxBytes);
  }

  @Override
  @SuppressWarnings("unchecked")
  public final void endMap() {
    add(ofMap((Map<String, V>) pop()));
  }

  @Override
  public final void beginList() {
    push(new ArrayList<V>());
  }

  @Override
  @SuppressWarnings("unchecked")
  public final void endList() {
    add(ofList((List<V>) pop()));
  }

  @Override
  public final void discardOpen() {
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
  private void add(V value) {
    if (open.isEmpty()) {
      result = value;
      return;
    }
    Object parent = open.get(open.size() - 1);
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, V>) map).put(key, value);
    } else {
      ((List<V>) parent).add(value);
    }
  }
}
