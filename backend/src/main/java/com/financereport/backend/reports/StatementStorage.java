package com.financereport.backend.reports;

import com.financereport.observability.instrument.ClientSpan;
import com.financereport.backend.http.DependencyUnavailableException;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Uploaded statement files in the S3 bucket, one object per upload under statements/{uuid}. */
public final class StatementStorage {
  private static final String DEPENDENCY = "S3";
  private static final String PREFIX = "statements/";

  private final S3Client s3;
  private final String bucket;

  public StatementStorage(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** Stores the file under a new id and returns it. */
  public StoredStatement store(byte[] content, String contentType) {
    UUID id = UUID.randomUUID();
    try {
      ClientSpan.call(
          "s3",
          "PutObject",
          () ->
              s3.putObject(
                  request -> request.bucket(bucket).key(PREFIX + id).contentType(contentType),
                  RequestBody.fromBytes(content)));
      return new StoredStatement(id, content.length, contentType);
    } catch (SdkException e) {
      throw new DependencyUnavailableException(DEPENDENCY, e);
    }
  }

  public Optional<StoredStatement> find(UUID id) {
    try {
      HeadObjectResponse head =
          ClientSpan.call(
              "s3", "HeadObject", () -> s3.headObject(request -> request.bucket(bucket).key(PREFIX + id)));
      return Optional.of(new StoredStatement(id, head.contentLength(), head.contentType()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw new DependencyUnavailableException(DEPENDENCY, e);
    } catch (SdkException e) {
      throw new DependencyUnavailableException(DEPENDENCY, e);
    }
  }

  /** One stored statement file. */
  public record StoredStatement(UUID id, long sizeBytes, String contentType) {}
}
