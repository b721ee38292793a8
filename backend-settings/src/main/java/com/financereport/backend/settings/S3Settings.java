package com.financereport.backend.settings;

import java.net.URI;

/**
 * The S3 bucket statements are stored in. {@code endpoint} is null for AWS itself; {@code
 * accessKey}/{@code secretKey} are null to use the default AWS credential chain (instance roles).
 * The secret key never appears in {@link #toString()}.
 */
public record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey) {

  public static final String DEFAULT_REGION = "us-east-1";

  public boolean hasStaticCredentials() {
    return accessKey != null && secretKey != null;
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint=" + (endpoint == null ? "aws" : endpoint.getScheme() + "://" + endpoint.getHost()
        + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort()))
        + ", bucket=" + bucket + ", region=" + region
        + ", credentials=" + (hasStaticCredentials() ? "static" : "default chain") + "]";
  }
}
