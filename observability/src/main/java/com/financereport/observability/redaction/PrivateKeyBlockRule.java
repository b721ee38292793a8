package com.financereport.observability.redaction;

/**
 * PEM private-key blocks ({@code -----BEGIN RSA PRIVATE KEY----- … -----END RSA PRIVATE KEY-----},
 * also ENCRYPTED, EC, OPENSSH and PGP ones) become one {@value Redactor#REDACTED}. A block cut off
 * before its END line is redacted to the end of the text: half a key is still a key. Certificates
 * and public keys stay.
 */
final class PrivateKeyBlockRule implements TextRule {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  private static final int MAX_LABEL_LENGTH = 64;

  @Override
  public String name() {
    return "private-key-block";
  }

  @Override
  public int triggers() {
    return TextTriggers.PEM_BLOCK;
  }

  @Override
  public String apply(String text) {
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    int begin;
    while ((begin = text.indexOf(BEGIN, from)) >= 0) {
      int labelStart = begin + BEGIN.length();
      int labelEnd = text.indexOf(DASHES, labelStart);
      if (labelEnd < 0
          || labelEnd - labelStart > MAX_LABEL_LENGTH
          || !text.substring(labelStart, labelEnd).contains("PRIVATE KEY")) {
        from = labelStart;
        continue;
      }
      int blockEnd = endOfBlock(text, labelEnd + DASHES.length());
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, begin).append(Redactor.REDACTED);
      copied = blockEnd;
      from = blockEnd;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static int endOfBlock(String text, int bodyStart) {
    int end = text.indexOf(END, bodyStart);
    if (end < 0) {
      return text.length();
    }
    int closingDashes = text.indexOf(DASHES, end + END.length());
    if (closingDashes < 0 || closingDashes - end > END.length() + MAX_LABEL_LENGTH) {
      return text.length();
    }
    return closingDashes + DASHES.length();
  }
}
