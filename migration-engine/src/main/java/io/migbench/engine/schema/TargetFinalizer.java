package io.migbench.engine.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The after-data DDL of one table. Every step checks whether its object already exists, so a resumed
 * migration can run finalization again. Keys are built as unique indexes first (plain {@code CREATE INDEX}
 * locks allow several at once on one table) and then attached with {@code ADD CONSTRAINT ... USING INDEX}.
 */
public final class TargetFinalizer {
    /** Named index builds of a table: key indexes and plain indexes; they may run concurrently. */
    public record IndexBuild(TableDef table, String indexName, String ddl) {
    }

    public List<IndexBuild> indexBuilds(TableDef t) {
        List<IndexBuild> out = new ArrayList<>();
        for (ConstraintDef c : t.constraints()) {
            if (c.indexDef() != null) {
                out.add(new IndexBuild(t, c.indexName(), c.indexDef()));
            }
        }
        for (IndexDef i : t.indexes()) {
            out.add(new IndexBuild(t, i.name(), i.definition()));
        }
        return out;
    }

    /**
     * Default sort memory of one index build: enough to sort the keys of a table of a few million rows in memory
     * instead of in temporary files (PostgreSQL's default is 64 MB). A target configured higher keeps its own value.
     */
    static final String INDEX_BUILD_MEMORY = "256MB";

    /** The bytes each index build sets maintenance_work_mem to (SQL expression). */
    private final String indexMemoryBytesSql;
    /** The same as a setting value in kB. */
    private final String indexMemorySql;

    /** @param indexMemory an explicit maintenance_work_mem per index build, or {@code null} for the default */
    public TargetFinalizer(String indexMemory) {
        this.indexMemoryBytesSql = indexMemory != null
                ? "pg_size_bytes(" + Sql.literal(indexMemory) + ")"
                : "greatest(pg_size_bytes(current_setting('maintenance_work_mem')), pg_size_bytes("
                        + Sql.literal(INDEX_BUILD_MEMORY) + "))";
        this.indexMemorySql = "(" + indexMemoryBytesSql + ") / 1024 || 'kB'";
    }

    /** The maintenance_work_mem an index build on this connection's server gets, readable (e.g. "256 MB"). */
    public String indexMemory(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_size_pretty(" + indexMemoryBytesSql + ")")) {
            rs.next();
            return rs.getString(1).replace(" ", "");
        }
    }

    public void buildIndex(Connection c, IndexBuild build) throws SQLException {
        if (!exists(c, "SELECT to_regclass(?) IS NOT NULL",
                Sql.ident(build.table().name().schema()) + "." + Sql.ident(build.indexName()))) {
            // session-wide only for this build: the connection goes back to a pool shared with copy tasks
            execute(c, "SELECT set_config('maintenance_work_mem', " + indexMemorySql + ", false)");
            try {
                execute(c, build.ddl());
            } finally {
                resetIndexMemory(c);
            }
        }
    }

    private static void resetIndexMemory(Connection c) {
        try {
            execute(c, "RESET maintenance_work_mem");
        } catch (SQLException ignored) {
            // a broken connection is discarded by the pool; a healthy one only keeps a larger sort budget
        }
    }

    /**
     * Primary keys, unique, exclusion and NOT VALID check constraints, after {@link #buildIndex} of the table's key
     * indexes. On a partitioned table they are added to the parent and so built on every partition.
     */
    public void attachKeys(Connection c, TableDef t) throws SQLException {
        for (ConstraintDef k : t.constraints()) {
            if (k.kind() == ConstraintDef.Kind.FOREIGN_KEY || constraintExists(c, t, k.name())) {
                continue;
            }
            String body = k.indexDef() == null ? k.definition()
                    : (k.kind() == ConstraintDef.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE")
                      + " USING INDEX " + Sql.ident(k.indexName());
            execute(c, "ALTER TABLE " + t.name().quoted() + " ADD CONSTRAINT " + Sql.ident(k.name()) + " " + body);
        }
    }

    public void addForeignKeys(Connection c, TableDef t) throws SQLException {
        for (ConstraintDef k : t.constraints()) {
            if (k.kind() == ConstraintDef.Kind.FOREIGN_KEY && !constraintExists(c, t, k.name())) {
                execute(c, "ALTER TABLE " + t.name().quoted() + " ADD CONSTRAINT " + Sql.ident(k.name())
                        + " " + k.definition());
            }
        }
    }

    /**
     * Moves identity and serial sequences past the copied maximum, so the next insert does not collide, or to the
     * source's last value when it is further ({@link IdentityOptions}; the minimum for a descending one). A partition
     * shares its parent's sequences: the parent, whose maximum covers every partition, resets them.
     */
    public void resetSequences(Connection c, TableDef t) throws SQLException {
        if (t.partition()) {
            return;
        }
        for (ColumnDef col : t.columns()) {
            if (!col.drawsFromSequence()) {
                continue;
            }
            String sequence = "coalesce(pg_get_serial_sequence(" + t.name().regclassLiteral() + ", "
                    + Sql.literal(col.name()) + ")" + (col.sequence() == null ? "" : ", " + Sql.literal(col.sequence()))
                    + ")::regclass";
            IdentityOptions options = col.identityOptions();
            String extreme = (options != null && options.descending() ? "min(" : "max(") + col.quotedName() + ")";
            String value = options == null ? extreme : options.resetValueSql(extreme);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT setval(" + sequence + ", m::bigint) FROM (SELECT " + value
                         + " AS m FROM " + t.name().quoted() + ") x WHERE m IS NOT NULL")) {
                rs.next();
            }
        }
    }

    public void analyze(Connection c, TableDef t, boolean setLogged) throws SQLException {
        if (setLogged) {
            execute(c, "ALTER TABLE " + t.name().quoted() + " SET LOGGED");
        }
        execute(c, "ANALYZE " + t.name().quoted());
    }

    private static boolean constraintExists(Connection c, TableDef t, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = ?::regclass AND conname = ?)")) {
            ps.setString(1, t.name().quoted());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
