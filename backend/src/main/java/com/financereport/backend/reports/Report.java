package com.financereport.backend.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A stored monthly report. */
public record Report(UUID id, String month, BigDecimal total, int entryCount, Instant createdAt) {}
