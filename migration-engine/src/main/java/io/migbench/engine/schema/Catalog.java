package io.migbench.engine.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Runs pg_catalog queries for the PostgreSQL schema readers: parameters in, one mapped object per row out. */
final class Catalog {
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;

    Catalog(Connection connection) {
        this.connection = connection;
    }

    /** Rows of {@code sql}; parameters may be strings, longs, booleans, or {@link Array}s from {@link #texts}/{@link #oids}. */
    <T> List<T> list(String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }

    Array texts(Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    Array oids(Collection<Long> values) throws SQLException {
        return connection.createArrayOf("int8", values.toArray());
    }

    int majorVersion() throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion();
    }

    static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
