package com.financereport.cli.signoz;

/** A logged-in SigNoz connection and the API-key generation its version speaks. */
record SignozSession(SignozVersion version, SignozConnection connection, ApiKeyApi keys) {}
