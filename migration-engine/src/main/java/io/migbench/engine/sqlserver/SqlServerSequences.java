package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.schema.SequenceDef;
import io.migbench.engine.schema.Sql;
import io.migbench.engine.schema.TableName;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas' sequences ({@code sys.sequences}) as PostgreSQL sequences with the same type, start, increment,
 * range and cycling, set to the last value handed out ({@code last_used_value}; where the server lacks it, to
 * {@code current_value} once it moved from the start, which can skip one value but never repeats one). A
 * decimal sequence whose range does not fit bigint is listed as not migrated, and so is a sequence
 * {@code sys.objects} shows but {@code sys.sequences} does not.
 */
final class SqlServerSequences {
    private static final String SEQUENCES = """
            SELECT s.name, q.name, TYPE_NAME(q.system_type_id), CONVERT(decimal(38, 0), q.start_value),
                   CONVERT(decimal(38, 0), q.increment), CONVERT(decimal(38, 0), q.minimum_value),
                   CONVERT(decimal(38, 0), q.maximum_value), q.is_cycling, CONVERT(decimal(38, 0), q.current_value), %s
            FROM sys.sequences q JOIN sys.schemas s ON s.schema_id = q.schema_id
            WHERE s.name IN (%%s) ORDER BY s.name, q.name""";
    // Babelfish 4.4 shows its sequences in sys.objects but not in sys.sequences, and an identity's own sequence as
    // <table>_<column>_seq beside them
    private static final String UNLISTED = """
            SELECT s.name, o.name FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id
            WHERE o.type = 'SO' AND s.name IN (%s)
              AND NOT EXISTS (SELECT 1 FROM sys.sequences q WHERE q.object_id = o.object_id)
              AND NOT EXISTS (SELECT 1 FROM sys.identity_columns ic JOIN sys.tables t ON t.object_id = ic.object_id
                JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
                WHERE t.schema_id = o.schema_id AND o.name = t.name + '_' + c.name + '_seq')
            ORDER BY s.name, o.name""";
    private static final BigDecimal BIGINT_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal BIGINT_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    record Result(MigratedSequences sequences, List<NotMigrated> notMigrated) {}

    private final Connection connection;
    private final CatalogProbe probe;
    private final IdentifierCase naming;

    SqlServerSequences(Connection connection, CatalogProbe probe, IdentifierCase naming) {
        this.connection = connection;
        this.probe = probe;
        this.naming = naming;
    }

    Result read(List<String> schemas) {
        List<SequenceDef> defs = new ArrayList<>();
        Map<String, TableName> byName = new HashMap<>();
        List<NotMigrated> notMigrated = new ArrayList<>();
        // last_used_value is SQL Server 2017's; the query without it is the fallback
        boolean read = probe.attempt("sys.sequences.last_used_value", () -> readRows(schemas, true, defs, byName, notMigrated))
                || probe.attempt("sys.sequences", () -> readRows(schemas, false, defs, byName, notMigrated));
        if (read) {
            probe.attempt("sys.objects (sequences)", () -> CatalogQuery.forSchemas(connection, UNLISTED, schemas,
                    rs -> notMigrated.add(new NotMigrated(NotMigrated.Kind.SEQUENCE, rs.getString(1) + "." + rs.getString(2),
                            "not shown by this server's sys.sequences, so its state is unknown"))));
        }
        return new Result(new MigratedSequences(defs, byName), notMigrated);
    }

    private void readRows(List<String> schemas, boolean lastUsed, List<SequenceDef> defs, Map<String, TableName> byName,
                          List<NotMigrated> notMigrated) throws SQLException {
        defs.clear();
        byName.clear();
        notMigrated.clear();
        CatalogQuery.forSchemas(connection, SEQUENCES.formatted(lastUsed ? "CONVERT(decimal(38, 0), q.last_used_value)"
                : "CAST(NULL AS decimal(38, 0))"), schemas, rs -> {
            String schema = rs.getString(1);
            String name = rs.getString(2);
            String type = rs.getString(3);
            BigDecimal start = rs.getBigDecimal(4);
            BigDecimal min = rs.getBigDecimal(6);
            BigDecimal max = rs.getBigDecimal(7);
            BigDecimal current = rs.getBigDecimal(9);
            BigDecimal last = lastUsed ? rs.getBigDecimal(10) : current.compareTo(start) == 0 ? null : current;
            if (min.compareTo(BIGINT_MIN) < 0 || max.compareTo(BIGINT_MAX) > 0) {
                notMigrated.add(new NotMigrated(NotMigrated.Kind.SEQUENCE, schema + "." + name, type + " from " + min
                        + " to " + max + ", beyond PostgreSQL's bigint sequences"));
                return;
            }
            TableName target = new TableName(naming.apply(schema), naming.apply(name));
            String pgType = switch (type) {
                case "tinyint", "smallint" -> "smallint";
                case "int" -> "integer";
                default -> "bigint";
            };
            defs.add(new SequenceDef(target.quoted(), "CREATE SEQUENCE IF NOT EXISTS " + target.quoted() + " AS " + pgType
                    + " START WITH " + start.toPlainString() + " INCREMENT BY " + rs.getBigDecimal(5).toPlainString()
                    + " MINVALUE " + min.toPlainString() + " MAXVALUE " + max.toPlainString()
                    + (rs.getBoolean(8) ? " CYCLE" : " NO CYCLE"), null,
                    last == null ? null : "SELECT setval(" + Sql.literal(target.quoted()) + ", " + last.toPlainString() + ", true)"));
            byName.put(MigratedSequences.key(schema, name), target);
        });
    }
}
