package com.financereport.backend.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.settings.EnvironmentKeys;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {
  private static BackendSettings read(String... keyValues) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return BackendSettings.fromEnvironment(env);
  }

  @Test
  void emptyEnvironmentGivesDefaultsAndNoErrors() {
    BackendSettings settings = read();

    assertThat(settings.port()).isEqualTo(8000);
    assertThat(settings.healthCheckTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.databaseStartupTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.allErrors()).isEmpty();
  }

  @Test
  void emptyEnvironmentConfiguresNoDependency() {
    BackendSettings settings = read();

    assertThat(settings.database()).isNull();
    assertThat(settings.redis()).isNull();
    assertThat(settings.s3()).isNull();
  }

  @Test
  void blankValuesCountAsUnset() {
    BackendSettings settings = read("DATABASE_URL", "  ", "PORT", "");

    assertThat(settings.database()).isNull();
    assertThat(settings.port()).isEqualTo(8000);
  }

  @Test
  void postgresUrlGivesHostPortDatabaseAndCredentials() {
    DatabaseSettings database = read("DATABASE_URL", "postgres://app:s3cret@db.internal:6543/ledger").database();

    assertThat(database.host()).isEqualTo("db.internal");
    assertThat(database.port()).isEqualTo(6543);
    assertThat(database.database()).isEqualTo("ledger");
    assertThat(database.user()).isEqualTo("app");
    assertThat(database.password()).isEqualTo("s3cret");
    assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/ledger");
  }

  @Test
  void postgresqlSchemeIsAcceptedAndPortDefaultsTo5432() {
    DatabaseSettings database = read("DATABASE_URL", "postgresql://app@db/ledger").database();

    assertThat(database.port()).isEqualTo(5432);
    assertThat(database.password()).isNull();
  }

  @Test
  void jdbcUrlTakesCredentialsFromItsQueryAndKeepsOtherParameters() {
    DatabaseSettings database =
        read("DATABASE_URL", "jdbc:postgresql://db:5432/ledger?user=app&password=pw&sslmode=require").database();

    assertThat(database.user()).isEqualTo("app");
    assertThat(database.password()).isEqualTo("pw");
    assertThat(database.properties()).containsExactly(Map.entry("sslmode", "require"));
    assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/ledger");
  }

  @Test
  void percentEncodedPasswordIsDecoded() {
    assertThat(read("DATABASE_URL", "postgres://app:p%40ss%2Fw+rd@db/ledger").database().password())
        .isEqualTo("p@ss/w+rd");
  }

  @Test
  void otherDatabaseSchemeIsAnErrorNamingDatabaseUrlWithoutTheSecret() {
    BackendSettings settings = read("DATABASE_URL", "mysql://app:hunter2@db/ledger");

    assertThat(settings.errors()).singleElement().asString()
        .startsWith("DATABASE_URL")
        .doesNotContain("hunter2");
    assertThat(settings.database()).isNull();
  }

  @Test
  void databaseUrlWithoutDatabaseNameIsAnError() {
    assertThat(read("DATABASE_URL", "postgres://app:hunter2@db:5432/").errors())
        .singleElement().asString().contains("DATABASE_URL has no database name").doesNotContain("hunter2");
  }

  @Test
  void unparsableDatabaseUrlIsAnErrorWithoutTheSecret() {
    assertThat(read("DATABASE_URL", "postgres://app:hun ter2@db/ledger").errors())
        .singleElement().asString().startsWith("DATABASE_URL").doesNotContain("hun ter2");
  }

  @Test
  void redisUrlWithPasswordAndDatabase() {
    RedisSettings redis = read("REDIS_URL", "redis://:r3dis@cache:6380/2").redis();

    assertThat(redis.host()).isEqualTo("cache");
    assertThat(redis.port()).isEqualTo(6380);
    assertThat(redis.database()).isEqualTo(2);
    assertThat(redis.password()).isEqualTo("r3dis");
    assertThat(redis.user()).isNull();
    assertThat(redis.tls()).isFalse();
  }

  @Test
  void redisUrlDefaultsToPort6379AndDatabase0() {
    RedisSettings redis = read("REDIS_URL", "redis://cache").redis();

    assertThat(redis.port()).isEqualTo(6379);
    assertThat(redis.database()).isZero();
  }

  @Test
  void redissSchemeMeansTls() {
    assertThat(read("REDIS_URL", "rediss://user:pw@cache:6380").redis().tls()).isTrue();
  }

  @Test
  void redisDatabaseThatIsNotANumberIsAnError() {
    assertThat(read("REDIS_URL", "redis://cache/first").errors())
        .singleElement().asString().startsWith("REDIS_URL database must be a whole number");
  }

  @Test
  void otherRedisSchemeIsAnErrorWithoutTheSecret() {
    assertThat(read("REDIS_URL", "http://:r3dis-pw@cache").errors())
        .singleElement().asString().startsWith("REDIS_URL").doesNotContain("r3dis-pw");
  }

  @Test
  void bucketAloneConfiguresS3WithTheDefaultRegionAndCredentialChain() {
    S3Settings s3 = read("S3_BUCKET", "statements").s3();

    assertThat(s3.bucket()).isEqualTo("statements");
    assertThat(s3.region()).isEqualTo("us-east-1");
    assertThat(s3.endpoint()).isNull();
    assertThat(s3.hasStaticCredentials()).isFalse();
  }

  @Test
  void s3EndpointAndKeysAreRead() {
    S3Settings s3 =
        read("S3_BUCKET", "statements", "S3_ENDPOINT", "http://minio:9000", "S3_ACCESS_KEY", "AK",
                "S3_SECRET_KEY", "SK", "S3_REGION", "eu-central-1")
            .s3();

    assertThat(s3.endpoint()).hasToString("http://minio:9000");
    assertThat(s3.region()).isEqualTo("eu-central-1");
    assertThat(s3.hasStaticCredentials()).isTrue();
  }

  @Test
  void accessKeyWithoutSecretKeyIsAnError() {
    assertThat(read("S3_BUCKET", "statements", "S3_ACCESS_KEY", "AK").errors())
        .singleElement().asString().startsWith("S3_ACCESS_KEY and S3_SECRET_KEY must be set together");
  }

  @Test
  void secretKeyWithoutBucketIsAnErrorThatNeverShowsTheKey() {
    assertThat(read("S3_SECRET_KEY", "sk-very-secret", "S3_ACCESS_KEY", "AK").errors())
        .singleElement().asString().startsWith("S3_BUCKET is required").doesNotContain("sk-very-secret");
  }

  @Test
  void s3EndpointWithCredentialsInsideIsAnErrorThatNeverShowsThem() {
    assertThat(read("S3_BUCKET", "statements", "S3_ENDPOINT", "http://ak:sk-inline@minio:9000").errors())
        .singleElement().asString().startsWith("S3_ENDPOINT must not carry credentials").doesNotContain("sk-inline");
  }

  @Test
  void s3EndpointWithoutHttpSchemeIsAnError() {
    assertThat(read("S3_BUCKET", "statements", "S3_ENDPOINT", "minio:9000").errors())
        .singleElement().asString().startsWith("S3_ENDPOINT");
  }

  @Test
  void invalidBucketNameIsAnError() {
    assertThat(read("S3_BUCKET", "Statements_2026").errors())
        .singleElement().asString().startsWith("S3_BUCKET must be");
  }

  @Test
  void portZeroAsksForAFreePort() {
    assertThat(read("PORT", "0").port()).isZero();
  }

  @Test
  void nonNumericPortIsAnErrorNamingPort() {
    assertThat(read("PORT", "eighty").errors())
        .containsExactly("PORT must be a whole number from 0 to 65535 (got \"eighty\")");
  }

  @Test
  void portAbove65535IsAnError() {
    assertThat(read("PORT", "70000").errors()).singleElement().asString().startsWith("PORT");
  }

  @Test
  void aTimeoutWithoutUnitIsAnErrorNamingTheVariable() {
    // Once read as seconds here and as milliseconds by the library: refused rather than guessed.
    assertThat(read("DATABASE_STARTUP_TIMEOUT", "45").errors())
        .singleElement()
        .asString()
        .startsWith("DATABASE_STARTUP_TIMEOUT must be a positive duration")
        .contains("a bare number is refused");
  }

  @Test
  void timeoutAcceptsMillisecondsAndDecimalsWithAUnit() {
    assertThat(read("HEALTH_CHECK_TIMEOUT", "500ms").healthCheckTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(read("HEALTH_CHECK_TIMEOUT", "1.5s").healthCheckTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aTimeoutLongerThanADayIsAnError() {
    assertThat(read("DATABASE_STARTUP_TIMEOUT", "2d").errors())
        .singleElement().asString().startsWith("DATABASE_STARTUP_TIMEOUT must be at most one day");
  }

  @Test
  void zeroTimeoutIsAnError() {
    assertThat(read("HEALTH_CHECK_TIMEOUT", "0").errors())
        .singleElement().asString().startsWith("HEALTH_CHECK_TIMEOUT must be a positive duration");
  }

  @Test
  void unreadableTimeoutIsAnError() {
    assertThat(read("DATABASE_STARTUP_TIMEOUT", "soon").errors())
        .singleElement().asString().startsWith("DATABASE_STARTUP_TIMEOUT");
  }

  @Test
  void everyErrorIsCollectedAtOnce() {
    BackendSettings settings =
        read("PORT", "x", "DATABASE_URL", "nope", "REDIS_URL", "nope", "HEALTH_CHECK_TIMEOUT", "-1");

    assertThat(settings.errors()).hasSize(4);
  }

  @Test
  void allErrorsIncludeTheObservabilityLibrarysErrors() {
    BackendSettings settings = read("PORT", "x", "OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://collector");

    assertThat(settings.allErrors()).hasSize(2).anyMatch(e -> e.startsWith("OTEL_EXPORTER_OTLP_ENDPOINT"));
  }

  @Test
  void toStringNeverShowsAPassword() {
    String text =
        read(
                "DATABASE_URL", "postgres://app:pg-pass-1@db/ledger",
                "REDIS_URL", "redis://:redis-pass-2@cache",
                "S3_BUCKET", "statements", "S3_ACCESS_KEY", "AK", "S3_SECRET_KEY", "s3-secret-3",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "signoz-ingestion-key=otlp-key-4")
            .toString();

    assertThat(text)
        .contains("app:****@db:5432/ledger")
        .doesNotContain("pg-pass-1", "redis-pass-2", "s3-secret-3", "otlp-key-4");
  }

  @Test
  void settingsKeysListTheBackendsKeysAndTheLibrarys() {
    assertThat(SettingsKeys.ALL).containsAll(SettingsKeys.BACKEND).containsAll(EnvironmentKeys.ALL);
    assertThat(SettingsKeys.BACKEND)
        .containsExactlyInAnyOrder(
            "PORT", "DATABASE_URL", "REDIS_URL", "S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY",
            "S3_BUCKET", "S3_REGION", "HEALTH_CHECK_TIMEOUT", "DATABASE_STARTUP_TIMEOUT");
  }
}
