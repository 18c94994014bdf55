package io.migbench.engine.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the views and materialized views after the data and keys, in dependency order: each materialized view
 * with its indexes, refreshed when the source's holds data, then the comments. Views that exist already (a
 * resumed run, or {@code --mode truncate}) are kept; materialized views are refreshed again either way.
 */
public final class TargetViews {
    private TargetViews() {}

    public static void create(Connection c, List<ViewDef> views) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (ViewDef v : views) {
                if (!exists(c, v.name().quoted())) {
                    st.execute(v.createDdl());
                }
                for (IndexDef i : v.indexes()) {
                    if (!exists(c, Sql.ident(v.name().schema()) + "." + Sql.ident(i.name()))) {
                        st.execute(i.definition());
                    }
                }
                if (v.materialized() && v.populated()) {
                    st.execute("REFRESH MATERIALIZED VIEW " + v.name().quoted());
                }
                for (String comment : v.comments()) {
                    st.execute(comment);
                }
            }
        }
    }

    private static boolean exists(Connection c, String quotedName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, quotedName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
