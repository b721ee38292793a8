package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared corpus: secrets and PII that must go, and look-alikes that must stay. Each row is
 * {@code input => expected}; {@code SAME} means the text must come back unchanged. Every secret in
 * it is a valid one of its kind ({@link SecretSyntax} checks), and the same rows run through every
 * output ({@code RedactionCorpusOutputsTest}) and the prescan ({@link TextTriggersAgreementTest})
 * through {@link RedactionCorpus}.
 */
class RedactionCorpusTest {
  static final String SAME = "SAME";
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
          slack xoxb-123456789012-1234567890123-abcdefghijKLMNOPQRSTuvwx => slack [REDACTED]
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
          # mainland China mobile numbers
          call 13812345678 now => call [PHONE] now
          联系电话13912345678。 => 联系电话[PHONE]。
          mobile=15912345678 => mobile=[PHONE]
          tel +86 138 1234 5678 => tel [PHONE]
          tel +8618612345678 ok => tel [PHONE] ok
          dial 0086 186 1234 5678 => dial [PHONE]
          sms to 86-13712345678 => sms to [PHONE]
          phone 138-1234-5678 => phone [PHONE]
          (+86) 135 0000 1234 => [PHONE]
          stored 8619912345678 => stored [PHONE]
          `{"phone":"17712345678"}` => `{"phone":"[PHONE]"}`
          # mainland China resident identity numbers (18 with MOD 11-2, or the old 15)
          id 11010519491231002X verified => id [ID_NUMBER] verified
          id 11010519491231002x => id [ID_NUMBER]
          身份证号：440306199003071232 => 身份证号：[ID_NUMBER]
          id 440306 19900307 1232 => id [ID_NUMBER]
          holder 510108200012295436 => holder [ID_NUMBER]
          gansu 620102198511112347 => gansu [ID_NUMBER]
          leap 650102199202290019 => leap [ID_NUMBER]
          old id 110105491231002 => old id [ID_NUMBER]
          `{"id_card":"310104197001010012"}` => `{"id_card":"[ID_NUMBER]"}`
          # UnionPay cards, 16 to 19 digits, grouped or not
          unionpay 6222021234567894 => unionpay [CARD]
          card 6222 0212 3456 7894 => card [CARD]
          card 62123456789012347 => card [CARD]
          card 621483012345678902 => card [CARD]
          card 6217 0001 2345 6789 019 => card [CARD]
          card 6217-0001-2345-6789-019 => card [CARD]
          card 8171999927660000 => card [CARD]
          # credit codes of sole traders (type 92)
          licence 92440300MA5EXAMPL7 => licence [ID_NUMBER]
          licence 924403006854321K08 => licence [ID_NUMBER]
          `{"uscc":"92110105L123456787"}` => `{"uscc":"[ID_NUMBER]"}`
          # IBANs of every SEPA country, compact
          pay to AD7208183658492941465415 => pay to [IBAN]
          iban=AL19409931318761160196674982 => iban=[IBAN]
          refund AT566389136322718707 today => refund [IBAN] today
          `"iban":"BE76791878756820"` => `"iban":"[IBAN]"`
          pay to BG26HCAO67142747642774 => pay to [IBAN]
          iban=CH8940134617178702641 => iban=[IBAN]
          refund CY02CEFN47139716206940989543 today => refund [IBAN] today
          `"iban":"CZ0848500431348782584848"` => `"iban":"[IBAN]"`
          pay to DE64489670320718914765 => pay to [IBAN]
          iban=DK5355275187690515 => iban=[IBAN]
          refund EE366579504441360227 today => refund [IBAN] today
          `"iban":"ES8381981096029538804323"` => `"iban":"[IBAN]"`
          pay to FI5141972174869351 => pay to [IBAN]
          iban=FR5834257838740971391726847 => iban=[IBAN]
          refund GB18LOBQ60934831662832 today => refund [IBAN] today
          `"iban":"GI88OFWT714679190314372"` => `"iban":"[IBAN]"`
          pay to GR0286476021260497953421840 => pay to [IBAN]
          iban=HR1611018710167455421 => iban=[IBAN]
          refund HU33900521575471893092496503 today => refund [IBAN] today
          `"iban":"IE69RPZC07392226281341"` => `"iban":"[IBAN]"`
          pay to IS602788638198659358293004 => pay to [IBAN]
          iban=IT7346728168099794894769517 => iban=[IBAN]
          refund LI0328862069331152765 today => refund [IBAN] today
          `"iban":"LT881897028072577242"` => `"iban":"[IBAN]"`
          pay to LU544548764966038352 => pay to [IBAN]
          iban=LV11GAYE9041585758667 => iban=[IBAN]
          refund MC5971195523425486752559806 today => refund [IBAN] today
          `"iban":"MD5974817157082993528967"` => `"iban":"[IBAN]"`
          pay to ME11452883702793549405 => pay to [IBAN]
          iban=MK14625822817045494 => iban=[IBAN]
          refund MT06WIIV28159850644727735740835 today => refund [IBAN] today
          `"iban":"NL05DLOC3779214666"` => `"iban":"[IBAN]"`
          pay to NO0592115135822 => pay to [IBAN]
          iban=PL31968745327770819266808181 => iban=[IBAN]
          refund PT43835885952633268729771 today => refund [IBAN] today
          `"iban":"RO80OPOW9937107382555074"` => `"iban":"[IBAN]"`
          pay to SE6027957341377886555928 => pay to [IBAN]
          iban=SI69197375029316660 => iban=[IBAN]
          refund SK0252105397658143510745 today => refund [IBAN] today
          `"iban":"SM4511542143418187488187070"` => `"iban":"[IBAN]"`
          pay to VA59094139467103038924 => pay to [IBAN]
          # IBANs in groups of four
          to FR58 3425 7838 7409 7139 1726 847 ok => to [IBAN] ok
          to MT06 WIIV 2815 9850 6447 2773 5740 835 ok => to [IBAN] ok
          to NO05 9211 5135 822 ok => to [IBAN] ok
          to PL31 9687 4532 7770 8192 6680 8181 ok => to [IBAN] ok
          to GB18 LOBQ 6093 4831 6628 32 ok => to [IBAN] ok
          # Spanish DNI/NIE and Italian codice fiscale (check letters)
          dni 12345678Z => dni [ID_NUMBER]
          dni 87654321-X => dni [ID_NUMBER]
          nie X1234567L ok => nie [ID_NUMBER] ok
          nie Y7654321G => nie [ID_NUMBER]
          codice fiscale RSSMRA85T10A562S => codice fiscale [ID_NUMBER]
          cf BNCGPP70A41H501G => cf [ID_NUMBER]
          # signed URLs: signature and credential parameters
          https://bucket.s3.amazonaws.com/r.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=1be16f1925286091f8257f1b7ce2710dc2e55756ac85e20b247f4a5f340c2fda => https://bucket.s3.amazonaws.com/r.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=[REDACTED]&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=[REDACTED]
          GET /r.pdf?X-Amz-Security-Token=IQoJb3JpZ2luX2VjEoldTx739NIDgRNIHONdsig3AohSe6gYYeL3VUyciC1JVbWX3sA7xJR1YCm7d&X-Amz-Expires=60 => GET /r.pdf?X-Amz-Security-Token=[REDACTED]&X-Amz-Expires=60
          https://acct.blob.core.windows.net/c/b.pdf?sv=2022-11-02&ss=b&sp=r&se=2026-12-31T00:00:00Z&sig=Ab3c4d5e6f7g8h9i0jKLmnOPq%2FrS%3D => https://acct.blob.core.windows.net/c/b.pdf?sv=2022-11-02&ss=b&sp=r&se=2026-12-31T00:00:00Z&sig=[REDACTED]
          https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=svc%40proj.iam.gserviceaccount.com%2F20261203%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261203T101010Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=b20873c795900a5e37f5f324094d80e94c0e337ae2c8ee98edf9a530669c7a537c4ac69c8be7591695d4ecf191a9d79bbc70ddcb7cb03765fcf5d6b02336c3eb => https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=[REDACTED]&X-Goog-Date=20261203T101010Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=[REDACTED]
          notify https://shop.example.cn/cb?signature=9f86d081884c7d659a2feaa0c55ad015&nonce=77 => notify https://shop.example.cn/cb?signature=[REDACTED]&nonce=77
          download /files/7?token=Zm9vYmFyYmF6cXV4&expires=1733220000 => download /files/7?token=[REDACTED]&expires=1733220000
          # provider API keys by their published shapes
          openai key 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 rotated => openai key [REDACTED] rotated
          openai project key 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 rotated => openai project key [REDACTED] rotated
          anthropic key sk-ant-api03-5kzFpfITtaO_rC8qLk1urN0XtzWbnXjgSTdd8PM5Pp-7vtA3R6DiZezwfg5y9cqBruxXI21kXNxSwH7-1K7wP94pJmBDaAA rotated => anthropic key [REDACTED] rotated
          github oauth key gho_sKrQJigYqg9BkgRdWwUZlPOgGurL1es7ukqq rotated => github oauth key [REDACTED] rotated
          github app key ghs_eaA355XqA9adgpbthgRJK72wuXDMOPTNc7zu rotated => github app key [REDACTED] rotated
          github user key ghu_MnMDBR4hRx3GR7qys80wdVTB4bsSvsU9XZ6h rotated => github user key [REDACTED] rotated
          github refresh key ghr_tXAuL5bI9vmJdUhkNhhciHwMPPtbBLiwAyyp rotated => github refresh key [REDACTED] rotated
          github fine-grained key 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 rotated => github fine-grained key [REDACTED] rotated
          gitlab key glpat-VT668Nyu0t_aT0ewkMVH rotated => gitlab key [REDACTED] rotated
          slack bot key xoxb-210839490668-8281126584409-QYmk5ssIswiymVOa2MPE8BwZ rotated => slack bot key [REDACTED] rotated
          slack user key xoxp-828025822018-051543829932-1571164941577-37beb222f9875adaafca56e7bbdc64e4 rotated => slack user key [REDACTED] rotated
          slack app key xapp-1-A1RVHUR2QJ8-4352814497660-ada3f6dba1c50884adffa01738a06e8b26034a7e6592d4308d157faabaf8fa81 rotated => slack app key [REDACTED] rotated
          stripe key sk_live_PFibEZxq1WDmxrG1UztnLd0A rotated => stripe key [REDACTED] rotated
          stripe restricted key rk_live_3eUUPQGRIX2tENf2GHMuFuQv rotated => stripe restricted key [REDACTED] rotated
          google key AIzaUxjwGXnBd7EA2qBI_rPUYyttsqheJMwrITq rotated => google key [REDACTED] rotated
          sendgrid key 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 rotated => sendgrid key [REDACTED] rotated
          twilio key key SKbc0fe8bf4347bec1a82eeb3891212e3c rotated => twilio key key [REDACTED] rotated
          twilio account key ACef04a403c2580123a49f7ae7c7ad1f75 rotated => twilio account key [REDACTED] rotated
          npm key npm_CmXhLELyEHbF8nyUcHDYisp3HurXB3VLbwM3 rotated => npm key [REDACTED] rotated
          alibaba key LTAIHk9HhKxZnLeJkDzZhZgZ rotated => alibaba key [REDACTED] rotated
          tencent key AKIDAzapmdqWZkHr6xfqk76cnT1OZTJh5CJQ rotated => tencent key [REDACTED] rotated
          signoz-ingestion-key: 3f2a9c1e-7b4d-4e8a-9f10-2c3d4e5f6a7b => signoz-ingestion-key: [REDACTED]
          `curl -H "signoz-access-token: a1b2c3d4e5f6a7b8" http://signoz:8080` => `curl -H "signoz-access-token: [REDACTED]" http://signoz:8080`
          # one-time codes and card data, by key
          otp=482913 => otp=[REDACTED]
          totp: 654321 => totp: [REDACTED]
          verification_code=884422 sent => verification_code=[REDACTED] sent
          sms_code=5566 => sms_code=[REDACTED]
          `{"smsCode":"112233"}` => `{"smsCode":"[REDACTED]"}`
          captcha=xk9p => captcha=[REDACTED]
          pin=1234 => pin=[REDACTED]
          cvv=123 exp=12/28 => cvv=[REDACTED] exp=12/28
          cvc: 456 => cvc: [REDACTED]
          security_code=789 => security_code=[REDACTED]
          otp_code=998877 => otp_code=[REDACTED]
          # a key=value secret keeps its key
          aws_access_key_id=AKIAIOSFODNN7EXAMPLE => aws_access_key_id=[REDACTED]
          AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY => AWS_SECRET_ACCESS_KEY: [REDACTED]
          export GITHUB_TOKEN=ghp_9f4DPvAIY122Ql9bw2kwJRKYInhNTrJWKUnK => export GITHUB_TOKEN=[REDACTED]
          `OPENAI_API_KEY="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"` => `OPENAI_API_KEY="[REDACTED]"`
          --db-password=hunter2 --verbose => --db-password=[REDACTED] --verbose
          `{"api_keys": ["k-1a2b3c", "k-4d5e6f"]}` => `{"api_keys": ["[REDACTED]"]}`
          `payload {\\"tokens\\":[\\"t-1a2b3c\\"]}` => `payload {\\"tokens\\":[\\"[REDACTED]\\"]}`
          `{"items":[{"sku":"A1","cvv":"123"}]}` => `{"items":[{"sku":"A1","cvv":"[REDACTED]"}]}`
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
          request_id=123e4567-e89b-12d3-a456-426614174000        => SAME
          trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7 => SAME
          git_sha=d9485c12edfe40934d68e46a59036ec2bc20b287       => SAME
          service.version=d9485c12edfe40934d68e46a59036ec2bc20b287 => SAME
          at 2026-12-03T14:07:55.123+08:00 done                  => SAME
          amount ¥12,345.67 and €1.234,56                        => SAME
          order ORD-2026-000123 invoice INV-20261203-0042        => SAME
          order 20261203000123 shipped                           => SAME
          ref 6222021234567895 fails Luhn                        => SAME
          card 6217 0001 2345 6789 010 fails Luhn                => SAME
          iban FR5834257838740971391726848 fails mod-97          => SAME
          iban DE571234567890123456789 has 23 characters         => SAME
          order 12345678901 shipped                              => SAME
          phone 01234567890 is no mobile                         => SAME
          seq 138123456789 has 12 digits                         => SAME
          amount 13812345678.50 CNY                              => SAME
          order 202612031234567890                               => SAME
          id 440306199003071233 fails the checksum               => SAME
          id 440306199002301235 has no 30 February               => SAME
          licence 91350100M000100Y43 is a company                => SAME
          licence 92440300MA5EXAMPL8 fails the checksum          => SAME
          dni 12345678A fails the letter                         => SAME
          cf RSSMRA85T10A562T fails the check                    => SAME
          pinned=true spinner=on opinion=ok                      => SAME
          secret_santa_enabled=true otp_enabled=false captcha_required=true => SAME
          signature_valid=true sig_version=4 verification_code_sent=true => SAME
          X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400        => SAME
          risk-adjusted return at 4%                             => SAME
          sk-learn is a library                                  => SAME
          ACK received for AC12                                  => SAME
          epoch 1733220000 s                                     => SAME
          """)
  void redactsSecretsAndKeepsLookAlikes(String input, String expected) {
    String result = redactor.redactText(input);
    assertThat(result).isEqualTo(SAME.equals(expected) ? input : expected);
  }

  @Test
  void everySecretInTheCorpusIsAValidOneOfItsKind() {
    List<String> invalid = new ArrayList<>();
    for (RedactionCorpus.Case row : RedactionCorpus.cases()) {
      for (RedactionCorpus.Removal removal : row.removals()) {
        String problem = SecretSyntax.problem(removal.label(), removal.text());
        if (problem != null) {
          invalid.add(removal.text() + " as " + removal.label() + ": " + problem);
        }
      }
    }
    assertThat(invalid).as("corpus secrets that are not valid for their kind").isEmpty();
  }

  @Test
  void theCorpusUsesEveryLabel() {
    Set<String> labels = new TreeSet<>();
    RedactionCorpus.cases().forEach(row -> row.removals().forEach(r -> labels.add(r.label())));

    assertThat(labels)
        .containsExactlyInAnyOrder(
            Redactor.REDACTED,
            Redactor.EMAIL,
            Redactor.CARD,
            Redactor.IBAN,
            Redactor.PHONE,
            Redactor.ID_NUMBER);
  }
}
