package com.financereport.observability.settings;

/**
 * Size limits of one event. Longer values and lines are cut and marked as cut.
 *
 * @param maxValueBytes OBSERVABILITY_MAX_VALUE_BYTES; default 16 KiB per value (and message)
 * @param maxLineBytes OBSERVABILITY_MAX_LINE_BYTES; default 64 KiB per line
 */
public record OutputLimits(int maxValueBytes, int maxLineBytes) {
  public static final OutputLimits DEFAULTS = new OutputLimits(16 * 1024, 64 * 1024);

  /** The line limit encoders apply: at least 1 KiB, so the fixed members always fit. */
  public int lineBytes() {
    return Math.max(1024, maxLineBytes);
  }

  /** The value limit encoders apply: at most half a line, so one value never crowds out the rest. */
  public int valueBytes() {
    return Math.max(64, Math.min(maxValueBytes, lineBytes() / 2));
  }
}
