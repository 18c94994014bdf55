package io.migbench.harness.results;

/**
 * One table of a sweep's source as its server reports it before the trials: the sizes the report projects a full
 * migration from, and what part of it the trials copied.
 *
 * @param platform   platform profile whose source this is
 * @param rows       the planner's row estimate (reltuples; SQL Server: partition stats)
 * @param tableBytes heap plus TOAST (SQL Server: in-row plus LOB pages)
 * @param indexBytes every index of the table
 * @param copied     whether the trials migrate this table at all ({@code largest_tables} leaves small ones out)
 * @param fraction   the share of its ranges the trials copy (1 = all; tables too small to split are copied whole)
 */
public record SourceTable(String platform, String schema, String table, long rows, long tableBytes, long indexBytes,
                          boolean copied, double fraction) {

    public String qualifiedName() {
        return schema + "." + table;
    }

    public SourceTable withSelection(boolean isCopied, double share) {
        return new SourceTable(platform, schema, table, rows, tableBytes, indexBytes, isCopied, share);
    }
}
