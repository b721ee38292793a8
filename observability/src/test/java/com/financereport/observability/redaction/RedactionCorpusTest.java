package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared corpus: secrets and PII that must go, and look-alikes that must stay. Each row is
 * {@code input => expected}; {@code SAME} means the text must come back unchanged.
 */
class RedactionCorpusTest {
  private static final String SAME = "SAME";
  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      textBlock =
          """
          # Authorization header credentials
          Authorization: Bearer abc123def456ghi                  => Authorization: Bearer [REDACTED]
          calling upstream with bearer 9f8e7d6c5b4a              => calling upstream with bearer [REDACTED]
          Authorization: Basic dXNlcjpodW50ZXIy                  => Authorization: Basic [REDACTED]
          retrying with BASIC YWRtaW46c2VjcmV0 now               => retrying with BASIC [REDACTED] now
          # JWTs
          rejected eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U here => rejected [REDACTED] here
          id_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJib2IifQ.       => id_token=[REDACTED]
          # credentials inside URLs
          connecting to postgres://app:s3cr3t@db.internal:5432/finance => connecting to postgres://app:[REDACTED]@db.internal:5432/finance
          cache at redis://:hunter2@cache:6379/0                 => cache at redis://:[REDACTED]@cache:6379/0
          fetch https://bob:p@ss@files.example.com/x             => fetch https://bob:[REDACTED]@files.example.com/x
          # key=value and key: value secrets
          GET https://api.example.com/cb?token=abc123&page=2     => GET https://api.example.com/cb?token=[REDACTED]&page=2
          login failed password=hunter2 user=bob                 => login failed password=[REDACTED] user=bob
          config db_password = hunter2                           => config db_password = [REDACTED]
          `{"clientSecret":"abc","region":"eu"}`                 => `{"clientSecret":"[REDACTED]","region":"eu"}`
          `payload {\\"accessToken\\":\\"xyz\\"}`                => `payload {\\"accessToken\\":\\"[REDACTED]\\"}`
          X-Api-Key: k-123456                                    => X-Api-Key: [REDACTED]
          Set-Cookie: SESSIONID=abc123; Path=/                   => Set-Cookie: [REDACTED]; Path=/
          aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY => aws_secret_access_key=[REDACTED]
          SIGNOZ-API-KEY: 8a1b2c3d4e5f                           => SIGNOZ-API-KEY: [REDACTED]
          signoz_api_key=abcdef123                               => signoz_api_key=[REDACTED]
          client_secret=abc&grant_type=client_credentials        => client_secret=[REDACTED]&grant_type=client_credentials
          refresh_token: r-998877                                => refresh_token: [REDACTED]
          session_id=9b2c1d sessionId: 77aa                      => session_id=[REDACTED] sessionId: [REDACTED]
          pwd=letmein                                            => pwd=[REDACTED]
          `apiKey='k1'`                                          => `apiKey='[REDACTED]'`
          `{"credentials": {"user": "bob", "password": "pw"}}`   => `{"credentials": {"user": "bob", "password": "[REDACTED]"}}`
          ldap userPassword: {SSHA}abc123== ok                   => ldap userPassword: [REDACTED] ok
          password=[hunter2]                                     => password=[REDACTED]
          # cloud keys, vault, vendor tokens
          using key AKIAIOSFODNN7EXAMPLE for upload              => using key [REDACTED] for upload
          temporary ASIAY34FZKBOKMUTVV7A expires                 => temporary [REDACTED] expires
          vault token hvs.CAESIJlWh2Vm5rdbZ0uE4b8a7s6Q           => vault token [REDACTED]
          legacy s.Zk9fXbV2kWpnQy3HdTg1L4mA ok                   => legacy [REDACTED] ok
          pushed with ghp_0123456789abcdefghijABCDEFGHIJ012345   => pushed with [REDACTED]
          slack xoxb-123456789012-abcdefghijKL                   => slack [REDACTED]
          stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc                 => stripe [REDACTED]
          loaded -----BEGIN PRIVATE KEY----- MIIEvQIBADANBg -----END PRIVATE KEY----- ok => loaded [REDACTED] ok
          # PII
          contact bob.smith+tag@example.co.uk now                => contact [EMAIL] now
          mailto:alice@example.com                               => mailto:[EMAIL]
          write to bob@example.com.                              => write to [EMAIL].
          `<carol.neil@mail.example.org>`                        => `<[EMAIL]>`
          card:4111111111111111;                                 => card:[CARD];
          card 4111 1111 1111 1111 charged                       => card [CARD] charged
          card 4111-1111-1111-1111                               => card [CARD]
          pan 5555555555554444                                   => pan [CARD]
          amex 378282246310005 ok                                => amex [CARD] ok
          iban DE89 3704 0044 0532 0130 00 paid                  => iban [IBAN] paid
          to GB82WEST12345698765432                              => to [IBAN]
          BE68 5390 0754 7034 PAID                               => [IBAN] PAID
          call +1 (555) 123-4567 today                           => call [PHONE] today
          call +44 20 7946 0958                                  => call [PHONE]
          whatsapp +4915112345678                                => whatsapp [PHONE]
          # look-alikes that must stay
          Report generated for account 4411 in 35 ms             => SAME
          tokenizer loaded 3 models                              => SAME
          passenger_count=4 keyboard=us monkey=george author=ann => SAME
          token_count=512 tokens_used=48 max_tokens=256          => SAME
          token_type=Bearer expires_in=3600                      => SAME
          request 123e4567-e89b-12d3-a456-426614174000 done      => SAME
          nil uuid 00000000-0000-0000-0000-000000000000          => SAME
          at 2026-11-25T19:39:15.123456Z took 35 ms              => SAME
          started 2026-11-25 19:39:15+01:00                      => SAME
          total 1234.56 EUR and fee 0.35                         => SAME
          epoch 1732562355000 ms                                 => SAME
          isbn 9780306406157                                     => SAME
          ref 4111111111111112 fails Luhn                        => SAME
          order 4111 1111 1111 1112                              => SAME
          the bearer of this bond is paid                        => SAME
          Bearer token missing                                   => SAME
          bearer instruments are settled                         => SAME
          basic settings applied                                 => SAME
          see https://docs.example.com/guide?page=2#intro        => SAME
          https://example.com:8443/path                          => SAME
          clone https://git@github.com/org/repo                  => SAME
          key=value pairs at 12:30:45                            => SAME
          session_timeout=30 cookie_domain=example.com           => SAME
          grant_type=password                                    => SAME
          user@host has no domain                                => SAME
          version 1.2.3 build 20261125                           => SAME
          amount +1234.56 credited                               => SAME
          increase of +15% since 2025                            => SAME
          AKIA is a prefix                                       => SAME
          -----BEGIN CERTIFICATE----- MIIB -----END CERTIFICATE----- => SAME
          phone extension 1234-5678                              => SAME
          trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7 => SAME
          DE89 alone is no IBAN                                  => SAME
          DE00123456789012345678 fails mod-97                    => SAME
          s.th is fine                                           => SAME
          token: [REDACTED] already                              => SAME
          Failed: connection refused                             => SAME
          phone +1 (555) 123                                     => SAME
          id_4111111111111111 is a key                           => SAME
          double@@example..com                                   => SAME
          """)
  void redactsSecretsAndKeepsLookAlikes(String input, String expected) {
    String result = redactor.redactText(input);
    assertThat(result).isEqualTo(SAME.equals(expected) ? input : expected);
  }
}
