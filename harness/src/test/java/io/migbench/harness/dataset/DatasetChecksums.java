package io.migbench.harness.dataset;

import io.migbench.engine.verify.RowDigestSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: count and canonical checksum of each table, through the engine's shared checksum SQL. */
final class DatasetChecksums {
    private DatasetChecksums() {}

    static Map<String, String> of(Connection c, List<String> tables) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : RowDigestSql.SESSION_SETTINGS) {
                st.execute(s);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(SqlDialect.POSTGRESQL.quote(rs.getString(1)));
                    }
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(RowDigestSql.countAndChecksum(columns, SqlDialect.POSTGRESQL.quote(table), null))) {
                rs.next();
                out.put(table, rs.getLong(1) + ":" + rs.getBigDecimal(2));
            }
        }
        return out;
    }
}
