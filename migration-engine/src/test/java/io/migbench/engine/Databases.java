package io.migbench.engine;

import io.migbench.engine.testing.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small SQL helpers for engine tests against the shared embedded PostgreSQL. */
final class Databases {
    private Databases() {}

    static void exec(String url, String... statements) {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String url, String quotedTable) {
        return Long.parseLong(queryOne(url, "SELECT count(*) FROM " + quotedTable));
    }

    static String queryOne(String url, String sql) {
        List<String> rows = queryColumn(url, sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static List<String> queryColumn(String url, String sql) {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of the table as text, sorted: equal lists mean equal tables, whatever the row order. */
    static List<String> rowsAsText(String url, String quotedTable) {
        return queryColumn(url, "SELECT t::text FROM " + quotedTable + " t ORDER BY 1");
    }

    static MigrationOptions.Builder options(String source, String target) {
        return MigrationOptions.builder()
                .source(new ConnectionSpec(source, TestPostgres.USER, TestPostgres.PASSWORD))
                .target(new ConnectionSpec(target, TestPostgres.USER, TestPostgres.PASSWORD));
    }
}
