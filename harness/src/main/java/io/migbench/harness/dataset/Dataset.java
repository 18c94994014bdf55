package io.migbench.harness.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generated dataset: the same (scale, seed) always produces the same rows, so checksums compare across
 * runs and hosts. Generated inside the database by set-based SQL ({@link LoadPlan}), tables created in the
 * connection's current schema (PostgreSQL) or {@code dbo} (SQL Server), replacing any previous load.
 */
public interface Dataset {
    /** The name scenarios use. */
    String name();

    /** Bumped whenever the generated data changes, so an old load is not mistaken for a current one. */
    int version();

    /** The tables it creates, in report order. */
    List<String> tables();

    /** Exact rows per table at {@code scale}. */
    Map<String, Long> expectedRows(double scale);

    /** The statements that generate it in PostgreSQL. */
    LoadPlan plan(double scale, long seed);

    /**
     * The statements that generate it in a database of {@code dialect}.
     *
     * @throws IllegalArgumentException when the dataset has no generator for that database
     */
    default LoadPlan plan(SqlDialect dialect, double scale, long seed) {
        if (dialect != SqlDialect.POSTGRESQL) {
            throw new IllegalArgumentException("dataset.name: dataset \"" + name() + "\" can be generated in PostgreSQL "
                    + "only; use stackoverflow for a SQL Server source");
        }
        return plan(scale, seed);
    }

    default LoadReport load(Connector connector, double scale, long seed, int parallelism) throws SQLException {
        return load(connector, SqlDialect.POSTGRESQL, scale, seed, parallelism);
    }

    default LoadReport load(Connector connector, SqlDialect dialect, double scale, long seed, int parallelism)
            throws SQLException {
        return ParallelSqlLoader.load(name(), scale, seed, dialect, plan(dialect, scale, seed), connector, parallelism);
    }

    /** Loads into PostgreSQL with {@link #defaultParallelism()} connections. */
    default LoadReport load(Connector connector, double scale, long seed) throws SQLException {
        return load(connector, SqlDialect.POSTGRESQL, scale, seed, defaultParallelism());
    }

    /** One connection per local core, 2 to 4: the generator is CPU-bound inside the server. */
    static int defaultParallelism() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Text stored as each table's comment once the table is complete (last step of its load), so a sweep
     * can tell a finished load of the same data from a partial or different one.
     */
    default String marker(double scale, long seed) {
        return String.format(Locale.ROOT, "migbench dataset %s v%d scale=%s seed=%d", name(), version(), scale, seed);
    }

    /** Whether every table holds a finished load of exactly this (scale, seed), in either database. */
    default boolean isLoaded(Connection c, double scale, long seed) throws SQLException {
        String expected = marker(scale, seed);
        SqlDialect dialect = SqlDialect.of(c);
        try (PreparedStatement ps = c.prepareStatement(dialect.markerQuery())) {
            for (String table : tables()) {
                ps.setString(1, dialect.quote(table));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !expected.equals(rs.getString(1))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The statement that marks {@code table} as completely loaded. */
    default String markerStatement(SqlDialect dialect, String table, double scale, long seed) {
        return dialect.markerStatement(table, marker(scale, seed));
    }
}
