package io.migbench.engine.sqlserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Runs a catalog query over a list of schemas ({@code %s} in the template is their placeholder list; a template
 * without one takes no schemas), row by row.
 */
final class CatalogQuery {
    private CatalogQuery() {}

    interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    static void forSchemas(Connection c, String template, List<String> schemas, RowHandler handler) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(schemas.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement(schemas.isEmpty() ? template : template.formatted(placeholders))) {
            for (int i = 0; i < schemas.size(); i++) {
                ps.setString(i + 1, schemas.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }
}
