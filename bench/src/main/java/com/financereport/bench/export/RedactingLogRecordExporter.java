package com.financereport.bench.export;

import com.financereport.observability.redaction.Redactor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The bridge candidate we measured and did not ship: with the official Logback appender the SDK
 * record's body and attributes cannot be changed, so redaction has to rewrite every
 * {@link LogRecordData} on the export thread before the wire exporter sees it.
 */
final class RedactingLogRecordExporter implements LogRecordExporter {
  private final LogRecordExporter delegate;
  private final Redactor redactor;

  RedactingLogRecordExporter(LogRecordExporter delegate, Redactor redactor) {
    this.delegate = delegate;
    this.redactor = redactor;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    List<LogRecordData> redacted = new ArrayList<>(logs.size());
    for (LogRecordData log : logs) {
      redacted.add(new Redacted(log, body(log), attributes(log.getAttributes())));
    }
    return delegate.export(redacted);
  }

  private Value<?> body(LogRecordData log) {
    Value<?> body = log.getBodyValue();
    return body != null && body.getValue() instanceof String s
        ? Value.of(redactor.redactText(s))
        : body;
  }

  @SuppressWarnings("unchecked")
  private Attributes attributes(Attributes attributes) {
    AttributesBuilder builder = Attributes.builder();
    attributes.forEach(
        (key, value) -> {
          if (key.getType() == AttributeType.STRING) {
            String text = (String) value;
            builder.put(
                (AttributeKey<String>) key,
                redactor.isSecretKey(key.getKey()) ? Redactor.REDACTED : redactor.redactText(text));
          } else {
            builder.put((AttributeKey<Object>) key, value);
          }
        });
    return builder.build();
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  private record Redacted(LogRecordData original, Value<?> bodyValue, Attributes attributes)
      implements LogRecordData {
    @Override
    public Resource getResource() {
      return original.getResource();
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
      return original.getInstrumentationScopeInfo();
    }

    @Override
    public long getTimestampEpochNanos() {
      return original.getTimestampEpochNanos();
    }

    @Override
    public long getObservedTimestampEpochNanos() {
      return original.getObservedTimestampEpochNanos();
    }

    @Override
    public SpanContext getSpanContext() {
      return original.getSpanContext();
    }

    @Override
    public Severity getSeverity() {
      return original.getSeverity();
    }

    @Override
    public String getSeverityText() {
      return original.getSeverityText();
    }

    @Override
    @Deprecated
    public Body getBody() {
      return bodyValue == null ? Body.empty() : Body.string(bodyValue.asString());
    }

    @Override
    public Value<?> getBodyValue() {
      return bodyValue;
    }

    @Override
    public Attributes getAttributes() {
      return attributes;
    }

    @Override
    public int getTotalAttributeCount() {
      return attributes.size();
    }

    @Override
    public String getEventName() {
      return original.getEventName();
    }
  }
}
