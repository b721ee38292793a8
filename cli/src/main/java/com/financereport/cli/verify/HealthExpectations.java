package com.financereport.cli.verify;

/**
 * What a freshly deployed service must report about itself.
 *
 * @param expectedSha null when the deploy's commit is not known; the check is then skipped
 * @param traces whether the service must export spans (verify --trace)
 */
record HealthExpectations(String expectedSha, String environment, String service, boolean traces) {}
