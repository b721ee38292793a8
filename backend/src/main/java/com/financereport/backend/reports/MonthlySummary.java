package com.financereport.backend.reports;

import java.math.BigDecimal;
import java.time.YearMonth;

/** The sum of one month's ledger entries. */
public record MonthlySummary(YearMonth month, BigDecimal total, int entryCount) {}
