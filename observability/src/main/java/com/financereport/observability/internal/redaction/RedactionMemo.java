package com.financereport.observability.internal.redaction;

import com.financereport.observability.redaction.Redactor;


/**
 * This thread's most recent {@link Redactor#redactText} results, so that a text which comes back
 * (an MDC request id on every line of a request, a constant message, an account id logged at each
 * step) is not scanned again. Safe because that result depends on the text alone.
 *
 * <p>Direct-mapped by length: equal texts have equal lengths, so finding the one candidate costs no
 * hashing, and a check is one identity or {@link String#equals} comparison. Long texts (stack
 * traces, payloads) bypass it: they rarely repeat and would be costly to hold. Not thread-safe: one
 * per thread.
 */
public final class RedactionMemo {
  /** A power of two. */
  private static final int SLOTS = 32;

  private static final int MAX_LENGTH = 256;

  private final Redactor redactor;
  private final String[] texts = new String[SLOTS];
  private final String[] results = new String[SLOTS];
  /**
   * The last event view built on this thread for this redactor ({@code json.EventView}): this memo
   * is the one per-thread object every output of a redactor already holds, so the second output
   * of an event finds the view without another thread-local lookup.
   */
  private Object eventView;

  public RedactionMemo(Redactor redactor) {
    this.redactor = redactor;
  }

  /** The slot of {@code json.EventView}; null until an output builds one on this thread. */
  public Object eventView() {
    return eventView;
  }

  public void eventView(Object view) {
    eventView = view;
  }

  /** Whether {@link #redactText} would answer {@code text} from memory, without a scan. */
  public boolean remembers(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return false;
    }
    String known = texts[text.length() & (SLOTS - 1)];
    return text == known || text.equals(known);
  }

  /** The same as {@code redactor.redactText(text)}. */
  public String redactText(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return redactor.redactText(text);
    }
    int slot = text.length() & (SLOTS - 1);
    String known = texts[slot];
    if (text == known || text.equals(known)) {
      return results[slot];
    }
    String result = redactor.redactText(text);
    texts[slot] = text;
    results[slot] = result;
    return result;
  }
}
