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
 * target exactly as it was ({@link #prepare}); or, where one transaction cannot hold the locks of so many tables,
 * committing as it goes ({@link #prepareInBatches}). Views and NOT VALID domain checks come after the data
 * ({@link TargetLateObjects}).
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
        write(c, schema, Integer.MAX_VALUE);
    }

    /**
     * As {@link #prepare}, committing after every {@code statementsPerTransaction} statements (the connection must
     * not auto-commit), for a target whose lock table cannot hold every table in one transaction
     * ({@code max_locks_per_transaction}): a failure then leaves what was committed.
     */
    public void prepareInBatches(Connection c, SourceSchema schema, int statementsPerTransaction) throws SQLException {
        write(c, schema, statementsPerTransaction);
    }

    private void write(Connection c, SourceSchema schema, int statementsPerTransaction) throws SQLException {
        Map<TableName, Character> existing = existingRelations(c, Stream.concat(
                schema.allTables().stream().map(TableDef::name), schema.views().stream().map(ViewDef::name)).toList());
        if (mode == TargetMode.CREATE && !existing.isEmpty()) {
            throw new OptionException(EngineOption.MODE, "create: target already has table(s) or view(s) "
                    + existing.keySet().stream().map(TableName::toString).collect(Collectors.joining(", "))
                    + "; use --mode truncate or drop-recreate to replace them (nothing was changed)");
        }
        try (Batch st = new Batch(c, statementsPerTransaction)) {
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

    /** Existing target relations among {@code names}, with their relkind: one query for all of them. */
    private static Map<TableName, Character> existingRelations(Connection c, List<TableName> names) throws SQLException {
        Map<String, TableName> byQuoted = new LinkedHashMap<>();
        names.forEach(t -> byQuoted.put(t.quoted(), t));
        Catalog catalog = new Catalog(c);
        Map<TableName, Character> out = new LinkedHashMap<>();
        catalog.list("SELECT n.name, r.relkind FROM unnest(?::text[]) WITH ORDINALITY n(name, ord)"
                        + " JOIN pg_class r ON r.oid = to_regclass(n.name) ORDER BY n.ord",
                rs -> Map.entry(byQuoted.get(rs.getString(1)), rs.getString(2).charAt(0)), catalog.texts(byQuoted.keySet()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
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

    /** PostgreSQL's "out of shared memory" when the lock table is full (its hint names max_locks_per_transaction). */
    public static boolean lockTableFull(SQLException e) {
        return "53200".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("max_locks_per_transaction");
    }

    /**
     * Runs DDL statements, committing after every {@code limit} of them when batching. A batch that still fills the
     * lock table (a DROP ... CASCADE locks every dependent index, default, type and trigger: dozens for a wide
     * table) is rolled back and run again in halves, down to one statement per transaction.
     */
    private static final class Batch implements AutoCloseable {
        private final Connection connection;
        private final Statement statement;
        private final boolean batching;
        private final List<String> pending = new ArrayList<>();
        private int limit;

        Batch(Connection connection, int limit) throws SQLException {
            this.connection = connection;
            this.statement = connection.createStatement();
            this.batching = limit < Integer.MAX_VALUE;
            this.limit = limit;
        }

        void execute(String sql) throws SQLException {
            pending.add(sql);
            try {
                statement.execute(sql);
            } catch (SQLException e) {
                if (!batching || limit == 1 || !lockTableFull(e)) {
                    throw e;
                }
                connection.rollback();
                limit = Math.max(1, pending.size() / 2);
                List<String> again = List.copyOf(pending);
                pending.clear();
                for (String s : again) {
                    execute(s);
                }
                return;
            }
            if (batching && pending.size() >= limit) {
                connection.commit();
                pending.clear();
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
