package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorSecretKeyTest {
  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest(name = "{0} is a secret key")
  @CsvSource(
      textBlock =
          """
          authorization
          Authorization
          cookie
          Set-Cookie
          password
          PASSWORD
          db_password
          dbPassword
          DBPASSWORD
          passwd
          pwd
          secret
          clientSecret
          client_secret
          token
          accessToken
          access_token
          refresh-token
          id_token
          idToken
          x-csrf-token
          csrftoken
          apiKey
          API_KEY
          x-api-key
          APIKey
          apikey
          SIGNOZ-API-KEY
          privateKey
          private_key
          aws_secret_access_key
          aws_access_key_id
          session
          session_id
          sessionId
          sessionid
          JSESSIONID_value
          credentials
          awsCredentials
          password_hash
          passwordConfirmation
          password2
          token_value
          oauth2Token
          card_pin
          cvv
          passphrase
          secrets
          accessJwt
          X-Vault-Token
          VAULT_TOKEN
          Proxy-Authorization
          X-Amz-Security-Token
          X-Amz-Signature
          X-Amz-Credential
          X-Goog-Signature
          X-Goog-Credential
          sig
          signature
          otp
          OTP
          totp
          hotp
          otp_code
          verification_code
          verificationCode
          sms_code
          smsCode
          captcha
          pin
          pin_code
          cvv
          cvv2
          cvc
          security_code
          securityCode
          auth_code
          signoz-ingestion-key
          SIGNOZ_INGESTION_KEY
          signoz-access-token
          """)
  void namesASecret(String key) {
    assertThat(redactor.isSecretKey(key)).isTrue();
  }

  @ParameterizedTest(name = "{0} is not a secret key")
  @CsvSource(
      textBlock =
          """
          tokenizer
          passenger_count
          keyboard
          monkey
          author
          authors
          token_count
          tokens_used
          tokenCount
          token_type
          token_expires_in
          max_tokens
          total_tokens
          num_api_keys
          session_timeout
          sessionCount
          cookie_domain
          secret_name
          private_key_path
          password_policy
          authorization_url
          obsession
          spin
          secretary
          grant_type
          key
          primary_key
          monkey_id
          account_id
          amount
          tokenType
          expiresIn
          jwt_issuer
          pinned
          spinner
          opinion
          pinyin
          secret_santa_enabled
          otp_enabled
          otp_sent_at
          captcha_required
          signature_valid
          signature_algorithm
          sig_version
          verification_code_sent
          status_code
          country_code
          code
          ingestion_rate
          """)
  void doesNotNameASecret(String key) {
    assertThat(redactor.isSecretKey(key)).isFalse();
  }

  @Test
  void nullAndEmptyKeysAreNotSecret() {
    assertThat(redactor.isSecretKey(null)).isFalse();
    assertThat(redactor.isSecretKey("")).isFalse();
    assertThat(redactor.isSecretKey("-_.")).isFalse();
  }

  @Test
  void aKeyInsideTextGetsTheSameVerdictAsTheKeyAlone() {
    SecretKeyMatcher matcher = new SecretKeyMatcher(java.util.List.of());
    String text = "x password=1 tokenizer=2 password=3 api_key=4 passenger_count=5";
    for (int round = 0; round < 2; round++) {
      assertThat(matcher.isSecret(text, 2, 10)).isTrue();
      assertThat(matcher.isSecret(text, 13, 22)).isFalse();
      assertThat(matcher.isSecret(text, 25, 33)).isTrue();
      assertThat(matcher.isSecret(text, 36, 43)).isTrue();
      assertThat(matcher.isSecret(text, 46, 61)).isFalse();
    }
  }

  @Test
  void keysThatShareACacheSlotStillGetTheirOwnVerdict() {
    SecretKeyMatcher matcher = new SecretKeyMatcher(java.util.List.of());
    // "field20" lands in the same slot as "password".
    String text = "field20 password";
    for (int round = 0; round < 3; round++) {
      assertThat(matcher.isSecret(text, 0, 7)).isFalse();
      assertThat(matcher.isSecret(text, 8, 16)).isTrue();
    }
  }

  @Test
  void verdictCacheStaysBounded() {
    SecretKeyMatcher matcher = new SecretKeyMatcher(java.util.List.of());
    for (int i = 0; i < SecretKeyMatcher.CACHE_LIMIT * 3; i++) {
      matcher.isSecret("field_" + i);
    }
    assertThat(matcher.cachedVerdicts()).isLessThanOrEqualTo(SecretKeyMatcher.CACHE_LIMIT);
    assertThat(matcher.isSecret("field_password")).isTrue();
  }
}
