package com.financereport.observability.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.json.LogCapture;
import com.financereport.observability.settings.ObservabilitySettings;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.slf4j.MDC;
import org.junit.jupiter.api.Test;

class ConsoleLineEncoderTest {
  private static final ObservabilityRuntime RUNTIME =
      ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(Map.of("DEBUG", "true")));

  @Test
  void linesAreReadableWithKeyValues() {
    LogCapture capture = LogCapture.with(new ConsoleLineEncoder(RUNTIME, false));
    capture.logger("com.example.Reports").atInfo().addKeyValue("month", "2026-10").addKeyValue("rows", 12).log("Summary built");

    assertThat(capture.text())
        .matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[.+] com\\.example\\.Reports - Summary built month=\"2026-10\" rows=12\n");
  }

  @Test
  void requestIdInMdcAndKeyValuesIsPrintedOnce() {
    LogCapture capture = LogCapture.with(new ConsoleLineEncoder(RUNTIME, false));
    MDC.put("request_id", "r-7");
    try {
      capture.logger("x").atInfo().addKeyValue("request_id", "r-7").log("handled");
    } finally {
      MDC.remove("request_id");
    }

    assertThat(capture.text().split("request_id=", -1)).as(capture.text()).hasSize(2);
  }

  @Test
  void traceIdInMdcAndFromTheCurrentSpanIsPrintedOnce() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    SpanContext context =
        SpanContext.create(traceId, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    LogCapture capture = LogCapture.with(new ConsoleLineEncoder(RUNTIME, false));
    MDC.put("trace_id", traceId);
    try (Scope ignored = Span.wrap(context).makeCurrent()) {
      capture.logger("x").atInfo().log("handled");
    } finally {
      MDC.remove("trace_id");
    }

    assertThat(capture.text().split("trace_id=", -1)).as(capture.text()).hasSize(2);
  }

  @Test
  void consoleLinesAreRedactedLikeJson() {
    LogCapture capture = LogCapture.with(new ConsoleLineEncoder(RUNTIME, false));
    capture.logger("x").atWarn().addKeyValue("password", "hunter2").log("mail jane@example.com");

    assertThat(capture.text()).contains("password=\"[REDACTED]\"").contains("[EMAIL]").doesNotContain("hunter2");
  }

  @Test
  void colourIsUsedOnlyWhenAsked() {
    LogCapture plain = LogCapture.with(new ConsoleLineEncoder(RUNTIME, false));
    LogCapture coloured = LogCapture.with(new ConsoleLineEncoder(RUNTIME, true));
    plain.logger("x").error("bad");
    coloured.logger("x").error("bad");

    assertThat(plain.text()).doesNotContain("\u001b[");
    assertThat(coloured.text()).contains("\u001b[31mERROR");
  }

  @Test
  void exceptionsFollowOnTheNextLines() {
    LogCapture capture = LogCapture.with(new ConsoleLineEncoder(RUNTIME, false));
    capture.logger("x").error("failed", new IllegalStateException("boom"));

    assertThat(capture.text()).contains("- failed\njava.lang.IllegalStateException: boom");
  }
}
