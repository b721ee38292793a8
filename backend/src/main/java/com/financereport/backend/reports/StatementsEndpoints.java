package com.financereport.backend.reports;

import com.financereport.backend.http.ApiError;
import com.financereport.backend.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/statements} stores the request body (the statement file) in S3 and answers 201
 * with its id; {@code GET /api/statements/{id}} describes a stored one. Both answer 503 "S3 is not
 * configured" when S3_BUCKET is unset.
 */
public final class StatementsEndpoints implements Routes {
  private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private final StatementStorage storage;

  /** @param storage null when S3 is not configured */
  public StatementsEndpoints(StatementStorage storage) {
    this.storage = storage;
  }

  @Override
  public void register(JavalinDefaultRoutingApi router) {
    router.post("/api/statements", this::upload);
    router.get("/api/statements/{id}", this::describe);
  }

  private void upload(Context ctx) {
    StatementStorage configured = configured();
    byte[] content = ctx.bodyAsBytes();
    if (content.length == 0) {
      throw ApiError.badRequest("the statement file is empty");
    }
    String contentType = ctx.contentType() == null ? DEFAULT_CONTENT_TYPE : ctx.contentType();
    ctx.status(201).json(body(configured.store(content, contentType)));
  }

  private void describe(Context ctx) {
    StatementStorage configured = configured();
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiError.notFound("statement not found");
    }
    ctx.json(body(configured.find(id).orElseThrow(() -> ApiError.notFound("statement not found"))));
  }

  private StatementStorage configured() {
    if (storage == null) {
      throw ApiError.notConfigured("S3");
    }
    return storage;
  }

  private static Map<String, Object> body(StatementStorage.StoredStatement statement) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", statement.id().toString());
    body.put("size_bytes", statement.sizeBytes());
    body.put("content_type", statement.contentType());
    return body;
  }
}
