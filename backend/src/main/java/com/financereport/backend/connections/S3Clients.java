package com.financereport.backend.connections;

import com.financereport.backend.settings.S3Settings;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Opens the S3 client. */
final class S3Clients {
  private S3Clients() {}

  /** Connect and read timeouts, and the whole call, are bounded by {@code timeout}. */
  static S3Client open(S3Settings s3, Duration timeout) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(s3.region()))
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(timeout)
                    .socketTimeout(timeout)
                    .build())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallAttemptTimeout(timeout)
                    .apiCallTimeout(timeout.multipliedBy(3))
                    .build())
            // S3-compatible stores (MinIO, s3proxy, Ceph) do not all accept the SDK's default
            // trailing checksums; send them only where S3 requires them.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (s3.endpoint() != null) {
      // Custom endpoints are S3-compatible stores, which address buckets by path.
      builder.endpointOverride(s3.endpoint()).forcePathStyle(true);
    }
    builder.credentialsProvider(
        s3.hasStaticCredentials()
            ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
            : DefaultCredentialsProvider.builder().build());
    return builder.build();
  }
}
