package io.migbench.harness.report;

/** A chart the report links: its title and its file relative to the report. */
public record ChartLink(String title, String file) {}
