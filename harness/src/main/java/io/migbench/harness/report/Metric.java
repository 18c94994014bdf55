package io.migbench.harness.report;

/** One row of a two-column table (a metric or property and its value), already formatted. */
record Metric(String name, String value) {}
