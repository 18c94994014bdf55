package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.schema.TableName;
import io.migbench.engine.verify.RowDigestSql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Test helpers: SQL on a {@link ConnectionSpec}, and a table's count and checksum as migbench's verifier computes them. */
final class BaselineDatabases {
    private BaselineDatabases() {}

    static Connection connect(ConnectionSpec spec) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", spec.user());
        p.setProperty("password", spec.password());
        return DriverManager.getConnection(spec.jdbcUrl(), p);
    }

    static void execute(ConnectionSpec spec, String... statements) throws SQLException {
        try (Connection c = connect(spec); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    static long count(ConnectionSpec spec, TableName table) throws SQLException {
        return longs(spec, "SELECT count(*) FROM " + table.quoted()).get(0);
    }

    static List<Long> longs(ConnectionSpec spec, String sql) throws SQLException {
        try (Connection c = connect(spec); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        }
    }

    /** "count/checksum" of the table's rows over the given columns (RowDigestSql, session settings applied). */
    static String digest(ConnectionSpec spec, TableName table, List<String> quotedColumns) throws SQLException {
        try (Connection c = connect(spec); Statement st = c.createStatement()) {
            for (String s : RowDigestSql.SESSION_SETTINGS) {
                st.execute(s);
            }
            try (ResultSet rs = st.executeQuery(RowDigestSql.countAndChecksum(quotedColumns, table.quoted(), null))) {
                rs.next();
                return rs.getLong(1) + "/" + rs.getBigDecimal(2);
            }
        }
    }
}
