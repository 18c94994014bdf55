package io.migbench.engine.sqlserver;

import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.RunPhase;
import io.migbench.engine.SourceDatabase;
import io.migbench.engine.VerifyMode;
import io.migbench.engine.copy.PartitionSource;
import io.migbench.engine.plan.SplitSampler;
import io.migbench.engine.schema.SchemaReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A SQL Server source: discovery and split sampling on one read connection, range reads on a pool of one
 * connection per task ({@link SqlServerConnections}: tuned for bulk reads, with the chosen {@link SourceIsolation}). Tables reach the
 * engine with PostgreSQL names and types, so plan, target DDL, resume and verification are the engine's own.
 */
public final class SqlServerSourceDatabase implements SourceDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerSourceDatabase.class);

    private final Connection discovery;
    private final SqlServerCatalog catalog;
    private final SqlServerSplitSampler sampler;
    private final SqlServerPartitionSource partitions;

    private SqlServerSourceDatabase(Connection discovery, HikariDataSource readPool, MigrationOptions options)
            throws SQLException {
        SourceTables tables = new SourceTables();
        this.discovery = discovery;
        this.catalog = new SqlServerCatalog(discovery, options.typeOverrides(), options.identifierCase(), tables);
        this.sampler = new SqlServerSplitSampler(discovery, tables);
        this.partitions = new SqlServerPartitionSource(readPool, tables, options.nulPolicy(),
                // digests computed while streaming serve the verification of the same process only
                options.verify() == VerifyMode.CHECKSUM && options.phase() == RunPhase.ALL);
    }

    public static SqlServerSourceDatabase open(MigrationOptions options) throws SQLException {
        SqlServerConnections connections = new SqlServerConnections(options.source().jdbcUrl(),
                options.source().user(), options.source().password(), options.sourceIsolation());
        Connection discovery = connections.openForReading();
        LOG.info("SQL Server source: reads with isolation {} (option {}), identifiers {}, NUL characters: {}",
                isolationName(discovery.getTransactionIsolation()), options.sourceIsolation(),
                options.identifierCase(), options.nulPolicy());
        try {
            return new SqlServerSourceDatabase(discovery, connections.readPool(options.tasks()), options);
        } catch (SQLException | RuntimeException e) {
            discovery.close();
            throw e;
        }
    }

    private static String isolationName(int level) {
        return switch (level) {
            case SqlServerConnections.TRANSACTION_SNAPSHOT -> "SNAPSHOT";
            case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            default -> "level " + level;
        };
    }

    @Override
    public SchemaReader schemaReader() {
        return catalog;
    }

    @Override
    public SplitSampler splitSampler() {
        return sampler;
    }

    @Override
    public PartitionSource partitionSource() {
        return partitions;
    }

    @Override
    public void close() {
        partitions.close();
        try {
            discovery.close();
        } catch (SQLException e) {
            LOG.debug("closing the SQL Server discovery connection failed: {}", e.getMessage());
        }
    }
}
