package com.financereport.observability.json;

import com.financereport.observability.internal.json.JsonWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes RFC 3339 UTC timestamps with microseconds ({@code 2026-11-25T19:30:00.123456Z}). The
 * date-and-seconds prefix is cached per second, so the common case only writes six digits.
 */
final class EventTimestamp {
  private static final byte[] SUFFIX = {'Z', '"'};
  private long cachedSecond = Long.MIN_VALUE;
  private final byte[] prefix = new byte[20]; // "2026-11-25T19:30:00."

  void write(JsonWriter out, long epochMillis, int nanosOfSecond) {
    long second = Math.floorDiv(epochMillis, 1000);
    if (second != cachedSecond) {
      LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
      String text =
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02d.",
              t.getYear(),
              t.getMonthValue(),
              t.getDayOfMonth(),
              t.getHour(),
              t.getMinute(),
              t.getSecond());
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      System.arraycopy(bytes, 0, prefix, 0, Math.min(bytes.length, prefix.length));
      cachedSecond = second;
    }
    int micros =
        nanosOfSecond >= 0
            ? nanosOfSecond / 1000
            : (int) Math.floorMod(epochMillis, 1000) * 1000;
    out.raw((byte) '"');
    out.raw(prefix);
    out.paddedNumber(micros, 6);
    out.raw(SUFFIX);
  }
}
