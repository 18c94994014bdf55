package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.SchemaReader;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The engine's {@link SchemaReader} for SQL Server: catalog tables ({@link SqlServerSchemaReader}, table globs
 * matched case-insensitively), their stored sizes, mapped to the engine's model ({@link SqlServerTableMapper}).
 * SQL Server has no sequences or user types to recreate: identity columns become PostgreSQL identities.
 */
final class SqlServerCatalog implements SchemaReader {
    /** Pages of the heap or clustered index, row-overflow and LOB data included. */
    private static final String SIZE = """
            SELECT COALESCE(SUM(a.used_pages), 0) * 8192 FROM sys.partitions p
            JOIN sys.allocation_units a ON a.container_id = p.partition_id
            WHERE p.object_id = OBJECT_ID(?) AND p.index_id IN (0, 1)""";

    private final Connection connection;
    private final SqlServerSchemaReader reader;
    private final IdentifierCase naming;
    private final SourceTables tables;

    SqlServerCatalog(Connection connection, TypeOverrides overrides, IdentifierCase naming, SourceTables tables) {
        this.connection = connection;
        this.reader = new SqlServerSchemaReader(new SqlServerTypeMapping(overrides), naming);
        this.naming = naming;
        this.tables = tables;
    }

    @Override
    public SourceSchema read(List<String> schemas, TableFilter filter) throws SQLException {
        TableFilter caseInsensitive = filter.ignoringCase();
        List<SqlServerSchema.Table> found = reader.read(connection, schemas, caseInsensitive::accepts);
        List<MappedTable> mapped = new SqlServerTableMapper(naming).map(found, this::bytes);
        tables.register(mapped);
        List<TableDef> defs = mapped.stream().map(MappedTable::target).toList();
        return new SourceSchema(schemas.stream().map(naming::apply).distinct().toList(), List.of(), List.of(), defs,
                serverVersion());
    }

    private long bytes(SqlServerSchema.Table t) {
        try (PreparedStatement ps = connection.prepareStatement(SIZE)) {
            ps.setString(1, t.quotedSource());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the size of " + t.quotedSource() + " failed (SQLState "
                    + e.getSQLState() + "): " + e.getMessage(), e);
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
