package io.migbench.engine.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What is created after the data and keys: the domains' NOT VALID checks (which would reject copied rows), then the
 * views and materialized views in dependency order, each materialized view with its indexes, refreshed when the
 * source's holds data, then their comments. Objects that exist already (a resumed run, or {@code --mode truncate})
 * are kept; materialized views are refreshed again either way.
 */
public final class TargetLateObjects {
    private TargetLateObjects() {}

    public static void create(Connection c, SourceSchema schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (UserTypeDef t : schema.types()) {
                for (UserTypeDef.DomainCheck check : t.notValidChecks()) {
                    if (!exists(c, "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE contypid = ?::regtype AND conname = ?)",
                            t.quotedName(), check.name())) {
                        st.execute("ALTER DOMAIN " + t.quotedName() + " ADD CONSTRAINT " + Sql.ident(check.name())
                                + " " + check.definition());
                    }
                }
            }
            for (ViewDef v : schema.views()) {
                if (!exists(c, "SELECT to_regclass(?) IS NOT NULL", v.name().quoted())) {
                    st.execute(v.createDdl());
                }
                for (IndexDef i : v.indexes()) {
                    if (!exists(c, "SELECT to_regclass(?) IS NOT NULL", Sql.ident(v.name().schema()) + "." + Sql.ident(i.name()))) {
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

    private static boolean exists(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
