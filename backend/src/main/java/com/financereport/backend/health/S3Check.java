package com.financereport.backend.health;

import com.financereport.observability.instrument.ClientSpan;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The statements bucket exists and these credentials may use it ({@code HeadBucket}). */
public final class S3Check implements HealthCheck {
  private final S3Client s3;
  private final String bucket;

  public S3Check(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public CheckResult check() {
    try {
      ClientSpan.call("s3", "HeadBucket", () -> s3.headBucket(request -> request.bucket(bucket)));
      return CheckResult.up();
    } catch (S3Exception e) {
      // HeadBucket answers without a body, so the status code is all there is to explain.
      return switch (e.statusCode()) {
        case 404 -> CheckResult.down("bucket " + bucket + " does not exist");
        case 401, 403 -> CheckResult.down("access to bucket " + bucket + " denied (HTTP " + e.statusCode() + ")");
        default -> CheckResult.down("S3 answered HTTP " + e.statusCode());
      };
    }
  }
}
