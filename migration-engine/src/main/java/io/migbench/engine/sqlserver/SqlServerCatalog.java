package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.schema.SchemaReader;
import io.migbench.engine.schema.SequenceDef;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The engine's {@link SchemaReader} for SQL Server: catalog tables ({@link SqlServerSchemaReader}, table globs
 * matched case-insensitively) with the T-SQL of their defaults, computed columns and checks
 * ({@link SqlServerExpressionCatalog}), their sizes by the best path the server shows ({@link SqlServerTableSizes}),
 * mapped to the engine's model ({@link SqlServerTableMapper}); the schemas' sequences ({@link SqlServerSequences});
 * and what is not recreated ({@link SqlServerNotMigrated} and what the mapping left out). Catalog views are probed
 * once ({@link CatalogProbe}); the ones missing and the paths taken instead are logged with the plan.
 */
final class SqlServerCatalog implements SchemaReader {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerCatalog.class);

    private final Connection connection;
    private final CatalogProbe probe;
    private final SqlServerSchemaReader reader;
    private final SqlServerTableSizes sizes;
    private final IdentifierCase naming;
    private final SourceTables tables;

    SqlServerCatalog(Connection connection, TypeOverrides overrides, IdentifierCase naming, SourceTables tables)
            throws SQLException {
        this.connection = connection;
        this.probe = new CatalogProbe(connection);
        this.reader = new SqlServerSchemaReader(new SqlServerTypeMapping(overrides), naming, babelfish(connection));
        this.sizes = new SqlServerTableSizes(connection, probe);
        this.naming = naming;
        this.tables = tables;
    }

    @Override
    public SourceSchema read(List<String> schemas, TableFilter filter) throws SQLException {
        TableFilter caseInsensitive = filter.ignoringCase();
        List<String> scope = schemas.isEmpty() ? List.of("dbo") : schemas;
        SqlServerSequences.Result sequences = new SqlServerSequences(connection, probe, naming).read(scope);
        List<SqlServerSchema.Table> found = reader.read(connection, scope, caseInsensitive::accepts, sizes,
                new SqlServerExpressionCatalog(connection, probe));
        List<MappedTable> mapped = new SqlServerTableMapper(naming).map(found, sequences.sequences());
        tables.register(mapped);
        List<NotMigrated> notMigrated = new ArrayList<>(sequences.notMigrated());
        mapped.forEach(t -> notMigrated.addAll(t.notMigrated()));
        notMigrated.addAll(new SqlServerNotMigrated(connection, probe).read(scope, caseInsensitive,
                found.stream().map(t -> new TableName(t.schema(), t.name())).collect(Collectors.toSet())));
        List<SequenceDef> allSequences = new ArrayList<>(sequences.sequences().definitions());
        mapped.forEach(t -> allSequences.addAll(t.sequences()));
        // the sizes' paths name every catalog feature the probe found missing, the expression catalog's included
        LOG.info("SQL Server catalog: {}", sizes.paths());
        return new SourceSchema(scope.stream().map(naming::apply).distinct().toList(), List.of(), allSequences,
                List.of(), mapped.stream().map(MappedTable::target).toList(), List.of(), List.of(), notMigrated,
                serverVersion());
    }

    /** Babelfish answers {@code SERVERPROPERTY('Babelfish')} with 1; SQL Server with NULL. */
    private static boolean babelfish(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(SERVERPROPERTY('Babelfish') AS int)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private String serverVersion() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128))")) {
            rs.next();
            return "SQL Server " + rs.getString(1);
        }
    }
}
