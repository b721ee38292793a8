package com.financereport.observability.redaction;

import com.financereport.observability.internal.redaction.RedactedCopy;
import com.financereport.observability.internal.redaction.RedactionMemo;
import com.financereport.observability.internal.redaction.StructuredValueWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place secrets and PII are removed, shared by every output (stdout JSON, console, OTLP).
 * Immutable and thread-safe; build it once per process. The defaults always apply: the builder only
 * adds.
 *
 * <h2>By key</h2>
 *
 * A value whose key names a secret is replaced whole by {@value #REDACTED}. The key is split into
 * lower-case words at separators, camelCase humps and letter/digit boundaries ({@code x-api-key},
 * {@code API_KEY}, {@code apiKey} are all {@code api key}). It names a secret when it <b>ends with
 * a secret term followed only by qualifier words</b>:
 *
 * <ul>
 *   <li>terms: password(s), passwd, passphrase, secret(s), token(s), credential(s), api key(s),
 *       private key, set cookie, which may also be glued to a preceding word ({@code dbpassword},
 *       {@code csrftoken}); and authorization, auth, cookie(s), pwd, session, jsessionid,
 *       phpsessid, creds, jwt, access key, pin, cvv, cvc, otp, totp, hotp, verification code, sms
 *       code, captcha, security code, signature, sig, ingestion key, which must stand as whole
 *       words ({@code obsession}, {@code author}, {@code spinner} stay); plus every extra key given
 *       to the builder, matched as whole words.
 *   <li>qualifiers: id(s), value(s), hash(ed), key(s), string, str, header, data, b64, base64, hex,
 *       raw, plain, plaintext, text, encoded, enc, encrypted, confirm(ation), old, new, current,
 *       code, and numbers; so {@code session_id}, {@code password_hash}, {@code otp_code}, {@code
 *       password2} are secrets.
 *   <li>any other trailing word makes the key describe the secret rather than hold it: {@code
 *       token_count}, {@code tokens_used}, {@code token_type}, {@code session_timeout}, {@code
 *       secret_name}, {@code otp_enabled} are not secrets; nor is a plural term after a count word
 *       ({@code max_tokens}, {@code total_tokens}, {@code num_api_keys}).
 * </ul>
 *
 * <h2>By shape, anywhere in text</h2>
 *
 * Every rule, with what it matches and an example, is listed in {@code docs/redaction.md} (a test
 * keeps that table complete). Credentials become {@value #REDACTED}: PEM private-key blocks, JWTs,
 * the password in {@code scheme://user:password@host}, {@code Bearer}/{@code Basic} credentials,
 * the value of {@code key=value} and {@code key: value} pairs whose key is a secret by the rule
 * above (signed-URL parameters among them), AWS access key ids, Vault tokens and the published
 * shapes of provider API keys. PII becomes a label: {@value #EMAIL}; {@value #IBAN} for a
 * mod-97-valid IBAN of its country's length; {@value #ID_NUMBER} for checksum-valid identity
 * numbers (mainland China resident ids, sole traders' credit codes, Spanish DNI/NIE, Italian
 * codici fiscali); {@value #CARD} for Luhn-valid card numbers with an issuer's prefix and length;
 * {@value #PHONE} for mainland China mobiles and '+'-prefixed international numbers. Extra
 * patterns replace every match with {@value #REDACTED}.
 *
 * <p>Cost: one pass over the text looks for each rule's trigger character or prefix, and only the
 * triggered rules run. A text with no trigger is returned as the same instance without allocating.
 * If a rule fails on pathological input the whole text becomes {@value #REDACTED}: redaction fails
 * closed and never throws.
 */
public final class Redactor {
  public static final String REDACTED = "[REDACTED]";
  public static final String EMAIL = "[EMAIL]";
  public static final String CARD = "[CARD]";
  public static final String IBAN = "[IBAN]";
  public static final String PHONE = "[PHONE]";
  public static final String ID_NUMBER = "[ID_NUMBER]";

  private final SecretKeyMatcher keys;
  private final TextRule[] rules;
  /** Each rule's triggers, read without a call per rule on every triggered text. */
  private final int[] ruleTriggers;
  private final int alwaysRunningRules;
  private static final int KEY_CACHE_LIMIT = 4096;
  private final java.util.concurrent.ConcurrentHashMap<String, String> redactedKeys =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final ThreadLocal<RedactionMemo> threadMemos =
      ThreadLocal.withInitial(() -> new RedactionMemo(this));

  private Redactor(List<String> extraKeys, List<Pattern> extraPatterns) {
    this.keys = new SecretKeyMatcher(extraKeys);
    List<TextRule> all = new ArrayList<>(DefaultTextRules.create(keys));
    for (Pattern pattern : extraPatterns) {
      all.add(PatternRule.labelling("extra-pattern", TextRule.ALWAYS, pattern, REDACTED));
    }
    this.rules = all.toArray(new TextRule[0]);
    this.ruleTriggers = all.stream().mapToInt(TextRule::triggers).toArray();
    this.alwaysRunningRules = extraPatterns.size();
  }

  /** The default rules only. */
  public static Redactor defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether a value stored under this key must be replaced whole. Null and empty keys are not. */
  public boolean isSecretKey(String key) {
    return keys.isSecret(key);
  }

  /**
   * A key as it may be written: {@link #redactText} of it, remembered, because the same few keys
   * come back on every event. Null stays null.
   */
  public String redactKey(String key) {
    if (key == null) {
      return null;
    }
    String cached = redactedKeys.get(key);
    if (cached == null) {
      cached = redactText(key);
      if (redactedKeys.size() < KEY_CACHE_LIMIT) {
        redactedKeys.put(key, cached);
      }
    }
    return cached;
  }

  /**
   * This thread's memo of recent {@link #redactText} results, shared by every output on the thread:
   * the stdout line and the OTLP record of one event redact the same texts (a request id, a trace
   * id), and the second output then finds them instead of scanning them again. Use it on the
   * calling thread only.
   */
  public RedactionMemo threadMemo() {
    return threadMemos.get();
  }

  /**
   * The text with every secret and PII shape replaced; the same instance when nothing matched. Null
   * stays null.
   */
  public String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    int triggers = TextTriggers.scan(text);
    if (triggers == TextTriggers.NONE && alwaysRunningRules == 0) {
      return text;
    }
    try {
      String result = text;
      for (int r = 0; r < rules.length; r++) {
        if (ruleTriggers[r] == TextRule.ALWAYS || (ruleTriggers[r] & triggers) != 0) {
          result = rules[r].apply(result);
        }
      }
      return result;
    } catch (RuntimeException | StackOverflowError e) {
      // A user pattern with catastrophic backtracking on a megabyte line, say: fail closed.
      return REDACTED;
    }
  }

  /**
   * A redacted deep copy of a structured value, for outputs that keep structure (OTLP attributes).
   * Under a secret key any non-null value becomes {@value #REDACTED}; maps become unmodifiable
   * {@code Map<String, Object>} whose keys are text-redacted and whose secret keys' values are
   * replaced whole; collections and arrays become unmodifiable {@code List<Object>}; strings and
   * other objects (through {@code toString()}) go through {@link #redactText}; numbers, booleans
   * and null keep their type. Nesting deeper than 8 becomes {@code [MAX DEPTH]}, a cycle {@code
   * [CYCLE]}, a throwing {@code toString()} a marker naming the class; {@code byte[]} and {@code
   * char[]} are never printed ({@code [binary 12 bytes]}, {@code [char[] 8]}).
   *
   * @param key the key the value is stored under; may be null
   */
  public Object redactValue(String key, Object value) {
    RedactedCopy copy = new RedactedCopy();
    new StructuredValueWalker(this, threadMemo(), Integer.MAX_VALUE).walk(key, value, copy);
    return copy.result();
  }

  /** Adds keys and patterns to the defaults; the defaults always apply. */
  public static final class Builder {
    private final List<String> keys = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();

    private Builder() {}

    /** A key name, matched word-aware like the defaults: "customer_ref" also hits customerRef. */
    public Builder secretKey(String key) {
      if (key != null && !key.isBlank()) {
        keys.add(key);
      }
      return this;
    }

    /** A regular expression; every non-empty match becomes {@value #REDACTED}. */
    public Builder secretPattern(Pattern pattern) {
      if (pattern != null) {
        patterns.add(pattern);
      }
      return this;
    }

    public Redactor build() {
      return new Redactor(List.copyOf(keys), List.copyOf(patterns));
    }
  }
}
