package io.migbench.harness.dataset;

/**
 * One table of a load.
 *
 * @param table   table name as created
 * @param rows    rows inserted
 * @param bytes   total relation size after the load (heap, TOAST, indexes)
 * @param seconds time spent on this table's statements (insert chunks, key, vacuum/analyze), summed over
 *                connections: with parallel loading, the sum over tables exceeds the wall-clock time
 */
public record TableLoad(String table, long rows, long bytes, double seconds) {}
