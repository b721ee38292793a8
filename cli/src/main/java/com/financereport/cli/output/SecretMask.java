package com.financereport.cli.output;

/**
 * Shows that a secret is set without showing it: the first two characters of a long value, never
 * more, so a reader can tell two keys apart but cannot use either.
 */
public final class SecretMask {
  /** Values shorter than this are hidden entirely; two characters of a short value is too much. */
  private static final int MIN_LENGTH_FOR_PREFIX = 12;

  private SecretMask() {}

  public static String mask(String value) {
    if (value == null || value.isEmpty()) {
      return "(empty)";
    }
    if (value.length() < MIN_LENGTH_FOR_PREFIX) {
      return "****";
    }
    return value.substring(0, 2) + "****";
  }
}
