/**
 * What the collector answers over OTLP/HTTP, beyond the status the SDK's exporter reads: the
 * {@code partial_success} of a 2xx answer ({@link
 * com.financereport.observability.otlp.response.PartialSuccessExporter}). Depends on the SDK only,
 * so both the export pipeline and the spool can tell a partial success from other outcomes.
 */
package com.financereport.observability.otlp.response;
