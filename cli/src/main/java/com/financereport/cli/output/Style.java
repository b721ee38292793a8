package com.financereport.cli.output;

/** Colours verdicts when the terminal allows it, and leaves the text unchanged otherwise. */
public final class Style {
  private static final String RESET = "\u001B[0m";
  private final boolean colour;

  public Style(boolean colour) {
    this.colour = colour;
  }

  public String good(String text) {
    return paint("\u001B[32m", text);
  }

  public String bad(String text) {
    return paint("\u001B[31m", text);
  }

  public String warning(String text) {
    return paint("\u001B[33m", text);
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
