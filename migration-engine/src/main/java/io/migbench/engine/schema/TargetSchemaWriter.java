package io.migbench.engine.schema;

import io.migbench.engine.EngineOption;
import io.migbench.engine.OptionException;
import io.migbench.engine.TargetMode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Creates schemas, user types, sequences, partitioned tables with their partitions, and tables (without keys or
 * indexes) in the target, with their comments, inside the caller's transaction, so a failure or a refusal leaves the
 * target exactly as it was. Views and NOT VALID domain checks come after the data ({@link TargetLateObjects}).
 */
public final class TargetSchemaWriter {
    private final TargetMode mode;
    private final boolean unlogged;

    public TargetSchemaWriter(TargetMode mode, boolean unlogged) {
        this.mode = mode;
        this.unlogged = unlogged;
    }

    /**
     * @throws OptionException in {@link TargetMode#CREATE} when a target table or view already exists
     */
    public void prepare(Connection c, SourceSchema schema) throws SQLException {
        Map<TableName, Character> existing = existingRelations(c, Stream.concat(
                schema.allTables().stream().map(TableDef::name), schema.views().stream().map(ViewDef::name)).toList());
        if (mode == TargetMode.CREATE && !existing.isEmpty()) {
            throw new OptionException(EngineOption.MODE, "create: target already has table(s) or view(s) "
                    + existing.keySet().stream().map(TableName::toString).collect(Collectors.joining(", "))
                    + "; use --mode truncate or drop-recreate to replace them (nothing was changed)");
        }
        try (Statement st = c.createStatement()) {
            for (String s : schemaNames(schema)) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(s));
            }
            for (UserTypeDef t : schema.types()) {
                if (!typeExists(c, t.quotedName())) {
                    st.execute(t.ddl());
                }
            }
            if (mode == TargetMode.DROP_RECREATE) {
                for (Map.Entry<TableName, Character> e : existing.entrySet()) {
                    String kind = switch (e.getValue()) {
                        case 'v' -> "VIEW";
                        case 'm' -> "MATERIALIZED VIEW";
                        default -> "TABLE";
                    };
                    st.execute("DROP " + kind + " IF EXISTS " + e.getKey().quoted() + " CASCADE");
                }
            }
            for (SequenceDef s : schema.sequences()) {
                st.execute(s.createDdl());
                if (s.currentValueSql() != null) {
                    st.execute(s.currentValueSql());
                }
            }
            for (TableDef t : schema.allTables()) {
                if (mode == TargetMode.TRUNCATE && existing.containsKey(t.name())) {
                    st.execute("TRUNCATE " + t.name().quoted());
                } else {
                    st.execute(createTable(t));
                }
            }
            for (SequenceDef s : schema.sequences()) {
                if (s.ownedBy() != null) {
                    st.execute("ALTER SEQUENCE " + s.quotedName() + " OWNED BY " + s.ownedBy());
                }
            }
            for (String comment : schema.comments()) {
                st.execute(comment);
            }
        }
    }

    /**
     * A partition is created {@code PARTITION OF} its parent with the source's bound (its columns, inherited
     * checks and defaults come from the parent); a partitioned table cannot be UNLOGGED, its leaves can.
     */
    String createTable(TableDef t) {
        String partitionBy = t.partitioned() ? " PARTITION BY " + t.partitionBy() : "";
        String prefix = "CREATE " + (unlogged && !t.partitioned() ? "UNLOGGED " : "") + "TABLE " + t.name().quoted();
        if (t.partition()) {
            return prefix + " PARTITION OF " + t.partitionOf().parent().quoted()
                    + (t.checks().isEmpty() ? "" : " (" + String.join(", ", t.checks()) + ")")
                    + " " + t.partitionOf().bound() + partitionBy;
        }
        List<String> parts = new ArrayList<>();
        for (ColumnDef col : t.columns()) {
            StringBuilder sb = new StringBuilder(col.quotedName()).append(' ').append(col.type());
            if (col.collation() != null) {
                sb.append(' ').append(col.collation());
            }
            if (col.generatedExpr() != null) {
                sb.append(" GENERATED ALWAYS AS (").append(col.generatedExpr()).append(") STORED");
            } else if (col.identity() != 0) {
                sb.append(col.identity() == 'a' ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
                if (col.identityOptions() != null) {
                    sb.append(" (").append(col.identityOptions().sequenceOptions()).append(')');
                }
            } else if (col.defaultExpr() != null) {
                sb.append(" DEFAULT ").append(col.defaultExpr());
            }
            if (col.notNull()) {
                sb.append(" NOT NULL");
            }
            parts.add(sb.toString());
        }
        parts.addAll(t.checks());
        return prefix + " (" + String.join(", ", parts) + ")" + partitionBy;
    }

    /** The migrated schemas and any other schema a partition or view lives in. */
    private static Set<String> schemaNames(SourceSchema schema) {
        Set<String> out = new LinkedHashSet<>(schema.schemas());
        schema.allTables().forEach(t -> out.add(t.name().schema()));
        schema.views().forEach(v -> out.add(v.name().schema()));
        return out;
    }

    /** Existing target relations among {@code names}, with their relkind. */
    private static Map<TableName, Character> existingRelations(Connection c, List<TableName> names) throws SQLException {
        Map<TableName, Character> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT relkind FROM pg_class WHERE oid = to_regclass(?)")) {
            for (TableName t : names) {
                ps.setString(1, t.quoted());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.put(t, rs.getString(1).charAt(0));
                    }
                }
            }
        }
        return out;
    }

    private static boolean typeExists(Connection c, String quotedName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regtype(?) IS NOT NULL")) {
            ps.setString(1, quotedName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
