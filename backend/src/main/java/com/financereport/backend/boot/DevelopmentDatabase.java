package com.financereport.backend.boot;

/** What booting in development does when DATABASE_URL is unset. */
public enum DevelopmentDatabase {
  /** Start an embedded PostgreSQL, so the reports and statements work at once ({@code java -jar}). */
  EMBEDDED,
  /** Run without a database; /health says not_configured (tests that need none). */
  NONE
}
