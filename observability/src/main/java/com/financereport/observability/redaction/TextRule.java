package com.financereport.observability.redaction;

/** One shape of secret or PII found in free text, and how it is replaced. */
interface TextRule {
  /** A short stable id, the one docs/redaction.md lists the rule under. */
  String name();

  /** The {@link TextTriggers} bits of which at least one must be present, or {@link #ALWAYS}. */
  int triggers();

  /** The text with every match replaced; the same instance when nothing matched. */
  String apply(String text);

  /** For rules with no cheap trigger (user patterns): they run on every text. */
  int ALWAYS = -1;
}
