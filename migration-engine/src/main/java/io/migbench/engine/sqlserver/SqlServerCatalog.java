package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.SchemaReader;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The engine's {@link SchemaReader} for SQL Server: catalog tables ({@link SqlServerSchemaReader}, table globs
 * matched case-insensitively), their sizes by the best path the server shows ({@link SqlServerTableSizes}, logged
 * with the plan), mapped to the engine's model ({@link SqlServerTableMapper}). SQL Server has no sequences or user
 * types to recreate: identity columns become PostgreSQL identities.
 */
final class SqlServerCatalog implements SchemaReader {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerCatalog.class);

    private final Connection connection;
    private final SqlServerSchemaReader reader;
    private final SqlServerTableSizes sizes;
    private final IdentifierCase naming;
    private final SourceTables tables;

    SqlServerCatalog(Connection connection, TypeOverrides overrides, IdentifierCase naming, SourceTables tables) {
        this.connection = connection;
        this.reader = new SqlServerSchemaReader(new SqlServerTypeMapping(overrides), naming);
        this.sizes = new SqlServerTableSizes(connection, new CatalogProbe(connection));
        this.naming = naming;
        this.tables = tables;
    }

    @Override
    public SourceSchema read(List<String> schemas, TableFilter filter) throws SQLException {
        TableFilter caseInsensitive = filter.ignoringCase();
        List<SqlServerSchema.Table> found = reader.read(connection, schemas, caseInsensitive::accepts, sizes);
        LOG.info("SQL Server catalog: {}", sizes.paths());
        List<MappedTable> mapped = new SqlServerTableMapper(naming).map(found);
        tables.register(mapped);
        List<TableDef> defs = mapped.stream().map(MappedTable::target).toList();
        return new SourceSchema(schemas.stream().map(naming::apply).distinct().toList(), List.of(), List.of(), defs,
                serverVersion());
    }

    private String serverVersion() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128))")) {
            rs.next();
            return "SQL Server " + rs.getString(1);
        }
    }
}
