package io.migbench.engine.sqlserver;

import io.migbench.engine.plan.SplitSampler;
import io.migbench.engine.schema.TableDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Key-range boundaries of SQL Server tables at row-number quantiles ({@link SqlServerRangePlanner}); there are no
 * physical (ctid) ranges. A key whose order differs between the databases ({@link KeyBounds}) gives no boundaries,
 * so the planner copies that table whole.
 */
final class SqlServerSplitSampler implements SplitSampler {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerSplitSampler.class);

    private final Connection connection;
    private final SourceTables tables;

    SqlServerSplitSampler(Connection connection, SourceTables tables) {
        this.connection = connection;
        this.tables = tables;
    }

    @Override
    public List<List<String>> keyBoundaries(TableDef table, int pieces) throws SQLException {
        MappedTable t = tables.get(table.name());
        if (!t.splitKey().stream().allMatch(KeyBounds::orderSafe)) {
            LOG.info("{}: copied whole; its key {} does not order the same way in SQL Server and PostgreSQL",
                    table.name(), t.splitKey().stream().map(c -> c.name() + " " + c.sourceType()).toList());
            return List.of();
        }
        return SqlServerRangePlanner.boundaries(connection, t.source().quotedSource(), t.splitKey(),
                table.estimatedRows(), pieces);
    }

    @Override
    public long heapBlocks(TableDef table) {
        return -1;
    }
}
