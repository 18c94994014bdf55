package io.migbench.engine.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a {@link RowDigestSql} query on PostgreSQL after the session settings that fix its text output. */
public final class DigestQuery {
    private DigestQuery() {}

    public static RowDigest run(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String setting : RowDigestSql.SESSION_SETTINGS) {
                st.execute(setting);
            }
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return new RowDigest(rs.getLong(1), rs.getBigDecimal(2));
            }
        }
    }
}
