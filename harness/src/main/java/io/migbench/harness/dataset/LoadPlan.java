package io.migbench.harness.dataset;

import java.util.List;
import java.util.Map;

/**
 * The statements that build a dataset, in four phases run by {@link ParallelSqlLoader}: DDL on one
 * connection, then insert chunks spread over several connections (most expensive first), then each
 * table's finishing statements (keys, statistics, marker), tables in parallel, then the closing statements.
 *
 * @param tables  table names in report order
 * @param setup   DDL run first, in order, on one connection
 * @param chunks  independent inserts; each must insert exactly {@link Chunk#rows()} rows
 * @param finish  per table, statements run in order after all of its chunks
 * @param closing run last, in order, on one connection (database-wide statistics)
 */
public record LoadPlan(List<String> tables, List<String> setup, List<Chunk> chunks, Map<String, List<String>> finish,
                       List<String> closing) {
    public LoadPlan {
        tables = List.copyOf(tables);
        setup = List.copyOf(setup);
        chunks = List.copyOf(chunks);
        finish = Map.copyOf(finish);
        closing = List.copyOf(closing);
    }

    /** A plan without closing statements. */
    public LoadPlan(List<String> tables, List<String> setup, List<Chunk> chunks, Map<String, List<String>> finish) {
        this(tables, setup, chunks, finish, List.of());
    }

    /**
     * One insert statement.
     *
     * @param table   the table it fills
     * @param range   human-readable range for error messages, e.g. {@code id [1, 500001)}
     * @param rows    rows it inserts
     * @param cost    relative cost, for scheduling the most expensive chunks first
     * @param sql     the statement; {@code ?} parameters bound from {@code params}
     * @param params  parameters: a String binds as text, a String[] as a text[] array
     */
    public record Chunk(String table, String range, long rows, double cost, String sql, List<Object> params) {
        public Chunk {
            params = List.copyOf(params);
        }
    }
}
