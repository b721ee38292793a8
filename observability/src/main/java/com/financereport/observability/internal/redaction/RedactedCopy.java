package com.financereport.observability.internal.redaction;

import com.financereport.observability.redaction.Redactor;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The walked value as plain Java, for {@link Redactor#redactValue}: maps become unmodifiable
 * {@code Map<String, Object>} in their own order, lists and arrays unmodifiable {@code
 * List<Object>}, numbers and booleans stay as given.
 */
public final class RedactedCopy extends ValueTreeBuilder<Object> {
  @Override
  protected Object ofNull() {
    return null;
  }

  @Override
  protected Object ofBool(boolean value) {
    return value;
  }

  @Override
  protected Object ofNumber(Number value) {
    return value;
  }

  @Override
  protected Object ofText(String value) {
    return value;
  }

  @Override
  protected Object ofList(List<Object> items) {
    return Collections.unmodifiableList(items);
  }

  @Override
  protected Object ofMap(Map<String, Object> members) {
    return Collections.unmodifiableMap(members);
  }
}
