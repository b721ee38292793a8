package com.financereport.example;

/** The starter and nothing else: no Logback file, no property. */
class ZeroCodeLoggingTest extends LoggingScenario {}
