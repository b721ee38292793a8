package com.financereport.observability.settings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the OpenTelemetry {@code k=v,k2=v2} list format of OTEL_RESOURCE_ATTRIBUTES and
 * OTEL_EXPORTER_OTLP_HEADERS. Values are percent-decoded (W3C Baggage style: {@code +} stays a
 * plus). Malformed items are skipped and reported, never thrown.
 */
final class KeyValueListParser {

  /** The parsed pairs, in input order, and a description of every skipped item. */
  record Result(Map<String, String> values, List<String> skipped) {}

  private KeyValueListParser() {}

  /**
   * @param revealKeys whether the problem descriptions may name the keys (false for headers, whose
   *     names can hint at credentials; values are never included)
   */
  static Result parse(String raw, boolean revealKeys) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      return new Result(Map.of(), List.of());
    }
    String[] items = raw.split(",", -1);
    for (int i = 0; i < items.length; i++) {
      String item = items[i].trim();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      if (eq <= 0) {
        skipped.add("item " + (i + 1) + (eq == 0 ? " has an empty key" : " has no '='"));
        continue;
      }
      String key = item.substring(0, eq).trim();
      if (key.isEmpty()) {
        skipped.add("item " + (i + 1) + " has an empty key");
        continue;
      }
      String decoded = percentDecode(item.substring(eq + 1).trim());
      if (decoded == null) {
        skipped.add(
            "item " + (i + 1) + (revealKeys ? " (" + key + ")" : "") + " has a broken %-escape");
        continue;
      }
      values.put(key, decoded);
    }
    return new Result(values, skipped);
  }

  /** Returns null when an escape is malformed or the bytes are not UTF-8. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          return null;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write((hi << 4) | lo);
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(bytes, 0, bytes.length);
      }
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    try {
      return decoder.decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }
}
