package com.financereport.observability.json;

import com.financereport.observability.internal.json.EventView;
import com.financereport.observability.internal.json.JsonWriter;
import com.financereport.observability.internal.json.LineFields;
import static com.financereport.observability.internal.json.LineFields.*;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.settings.ObservabilitySettings;
import io.opentelemetry.api.trace.SpanContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * Encodes one Logback event as one redacted JSON line (see {@link LineFields}). Usable from a
 * user's logback.xml as {@code <encoder class="com.financereport.observability.json.JsonLineEncoder"/>}.
 *
 * <p>The hot path writes straight into a per-thread buffer: no JSON tree, no intermediate strings
 * beyond the formatted message. {@link #encode(ILoggingEvent, OutputStream)} streams that buffer
 * without even allocating the line's byte array.
 */
public class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NEWLINE = {'\n'};
  /** Room kept free at the end of a line for the truncation flag and the closing brace. */
  private static final int LINE_RESERVE = 32;

  private ObservabilityRuntime runtime;
  private Redactor redactor;
  private int maxValueBytes;
  private int maxLineBytes;
  private byte[] resourceMembers;
  /** The fixed members and the resource's: a user key of one of these names gets a prefix. */
  private Set<String> reservedNames;
  private final ThreadLocal<LineBuffer> buffers = ThreadLocal.withInitial(this::newBuffer);

  /** Uses {@link Observability#runtime()}; the form Logback instantiates from XML. */
  public JsonLineEncoder() {}

  /** Uses the given runtime; for tests and programmatic set-up. */
  public JsonLineEncoder(ObservabilityRuntime runtime) {
    this.runtime = runtime;
  }

  /** The runtime this encoder writes for; null before {@link #start()} in the XML form. */
  public ObservabilityRuntime runtime() {
    return runtime;
  }

  @Override
  public void start() {
    if (runtime == null) {
      runtime = Observability.runtime();
    }
    ObservabilitySettings settings = runtime.settings();
    redactor = runtime.redactor();
    maxLineBytes = settings.limits().lineBytes();
    maxValueBytes = settings.limits().valueBytes();
    resourceMembers = resourceMembers(settings);
    Set<String> reserved = new HashSet<>(LineFields.RESERVED);
    reserved.addAll(settings.resource().keySet());
    reservedNames = Set.copyOf(reserved);
    super.start();
  }

  private LineBuffer newBuffer() {
    return new LineBuffer(redactor, maxValueBytes, reservedNames);
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    LineBuffer line = fill(event);
    byte[] bytes = line.out.toByteArray();
    line.out.reset();
    return bytes;
  }

  /** Writes the line to {@code out} without allocating it as an array. */
  public void encode(ILoggingEvent event, OutputStream out) throws IOException {
    LineBuffer line = fill(event);
    try {
      line.out.writeTo(out);
    } finally {
      line.out.reset();
    }
  }

  /**
   * Encodes into this thread's buffer without holding {@code lock}, then writes (and flushes) under
   * it: threads encode in parallel and only the write to the shared stream is serialised.
   */
  public void encode(
      ILoggingEvent event, OutputStream out, java.util.concurrent.locks.Lock lock, boolean flush)
      throws IOException {
    LineBuffer line = fill(event);
    try {
      lock.lock();
      try {
        line.out.writeTo(out);
        if (flush) {
          out.flush();
        }
      } finally {
        lock.unlock();
      }
    } finally {
      line.out.reset();
    }
  }

  private LineBuffer fill(ILoggingEvent event) {
    if (!isStarted()) {
      start();
    }
    LineBuffer line = buffers.get();
    line.clear();
    JsonWriter out = line.out;
    try {
      writeLine(event, line);
    } catch (RuntimeException | StackOverflowError e) {
      // Last resort: never throw into the caller and never emit a broken line.
      out.reset();
      line.clear();
      writeFallbackLine(event, line, e);
    }
    return line;
  }

  private void writeLine(ILoggingEvent event, LineBuffer line) {
    EventView view = EventView.of(event, line.texts);
    JsonWriter out = line.out;
    out.raw((byte) '{');
    out.raw(Names.TIME);
    line.timestamp.write(out, event.getTimeStamp(), event.getNanoseconds());
    out.raw(Names.LEVEL);
    out.string(event.getLevel().levelStr, Integer.MAX_VALUE);
    out.raw(Names.LOGGER);
    line.name(nullToEmpty(event.getLoggerName()), maxValueBytes);
    out.raw(Names.THREAD);
    line.name(nullToEmpty(event.getThreadName()), maxValueBytes);
    out.raw(Names.MESSAGE);
    out.string(view.message(), maxValueBytes);
    out.raw(resourceMembers);
    writeTrace(view.span(), line);
    if (view.hasException()) {
      writeException(out, view);
    }
    writeTags(view.tags(), line);

    int lineLimit = maxLineBytes - LINE_RESERVE;
    boolean truncated = false;
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        if (!line.member(entry.getKey(), MDC_PREFIX, entry.getValue(), lineLimit)) {
          truncated = true;
          break;
        }
      }
    }
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (!truncated && pairs != null) {
      for (int i = 0; i < pairs.size(); i++) {
        KeyValuePair pair = pairs.get(i);
        if (pair == null) {
          continue;
        }
        if (!line.member(pair.key, KEY_VALUE_PREFIX, pair.value, lineLimit)) {
          truncated = true;
          break;
        }
      }
    }
    if (truncated) {
      out.raw(Names.TRUNCATED_TRUE);
    }
    out.raw((byte) '}');
    out.raw(NEWLINE);
  }

  private static void writeTrace(SpanContext context, LineBuffer line) {
    if (context.isValid()) {
      JsonWriter out = line.out;
      out.raw(Names.TRACE_ID);
      out.string(context.getTraceId(), Integer.MAX_VALUE);
      out.raw(Names.SPAN_ID);
      out.string(context.getSpanId(), Integer.MAX_VALUE);
      line.remember(TRACE_ID, context.getTraceId());
      line.remember(SPAN_ID, context.getSpanId());
    }
  }


  /** Markers as {@code "tags":["audit",…]}; a user key named tags then gets the kv./mdc. prefix. */
  private void writeTags(List<String> tags, LineBuffer line) {
    if (tags.isEmpty()) {
      return;
    }
    JsonWriter out = line.out;
    out.raw(Names.TAGS);
    out.raw((byte) '[');
    for (int i = 0; i < tags.size(); i++) {
      if (i > 0) {
        out.raw((byte) ',');
      }
      out.string(tags.get(i), maxValueBytes);
    }
    out.raw((byte) ']');
    line.remember(LineFields.TAGS, tags);
  }

  private void writeException(JsonWriter out, EventView view) {
    out.raw(Names.EXCEPTION);
    out.raw(Names.EXCEPTION_TYPE);
    out.string(view.exceptionType(), maxValueBytes);
    out.raw(Names.EXCEPTION_MESSAGE);
    if (view.exceptionMessage() == null) {
      out.nullValue();
    } else {
      out.string(view.exceptionMessage(), maxValueBytes);
    }
    out.raw(Names.EXCEPTION_STACKTRACE);
    out.string(view.stackTrace(), maxValueBytes);
    out.raw((byte) '}');
  }

  private void writeFallbackLine(ILoggingEvent event, LineBuffer line, Throwable failure) {
    JsonWriter out = line.out;
    out.raw((byte) '{');
    out.raw(Names.TIME);
    line.timestamp.write(out, event.getTimeStamp(), -1);
    out.raw(Names.LEVEL);
    out.string(String.valueOf(event.getLevel()), 16);
    out.raw(Names.LOGGER);
    out.string(nullToEmpty(event.getLoggerName()), 256);
    out.raw(Names.MESSAGE);
    out.string("[event could not be encoded: " + failure.getClass().getName() + "]", 512);
    out.raw(resourceMembers);
    out.raw((byte) '}');
    out.raw(NEWLINE);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The settings' resource, every member in its order: the OTLP record carries the same one. */
  private static byte[] resourceMembers(ObservabilitySettings settings) {
    JsonWriter w = new JsonWriter(256);
    settings.resource().forEach((name, value) -> member(w, name, value));
    return w.toByteArray();
  }

  private static void member(JsonWriter w, String name, String value) {
    w.raw((byte) ',');
    w.string(name, Integer.MAX_VALUE);
    w.raw((byte) ':');
    w.string(value, 1024);
  }

  /** Pre-encoded member names, each with its leading comma and trailing colon. */
  private static final class Names {
    static final byte[] TIME = ascii("\"" + LineFields.TIME + "\":");
    static final byte[] LEVEL = ascii(",\"" + LineFields.LEVEL + "\":");
    static final byte[] LOGGER = ascii(",\"" + LineFields.LOGGER + "\":");
    static final byte[] THREAD = ascii(",\"" + LineFields.THREAD + "\":");
    static final byte[] MESSAGE = ascii(",\"" + LineFields.MESSAGE + "\":");
    static final byte[] TRACE_ID = ascii(",\"" + LineFields.TRACE_ID + "\":");
    static final byte[] TAGS = ascii(",\"" + LineFields.TAGS + "\":");
    static final byte[] SPAN_ID = ascii(",\"" + LineFields.SPAN_ID + "\":");
    static final byte[] EXCEPTION = ascii(",\"" + LineFields.EXCEPTION + "\":{");
    static final byte[] EXCEPTION_TYPE = ascii("\"" + LineFields.EXCEPTION_TYPE + "\":");
    static final byte[] EXCEPTION_MESSAGE = ascii(",\"" + LineFields.EXCEPTION_MESSAGE + "\":");
    static final byte[] EXCEPTION_STACKTRACE =
        ascii(",\"" + LineFields.EXCEPTION_STACKTRACE + "\":");
    static final byte[] TRUNCATED_TRUE = ascii(",\"" + LineFields.TRUNCATED + "\":true");

    private static byte[] ascii(String s) {
      return s.getBytes(StandardCharsets.US_ASCII);
    }
  }
}
