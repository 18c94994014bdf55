package io.migbench.engine.copy;

import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.SourceDatabase;
import io.migbench.engine.plan.PgSplitSampler;
import io.migbench.engine.plan.SplitSampler;
import io.migbench.engine.schema.PgSchemaReader;
import io.migbench.engine.schema.SchemaReader;
import io.migbench.engine.schema.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A PostgreSQL source: a coordinator connection holds one REPEATABLE READ transaction open for the whole run and
 * exports its snapshot (or imports one another process exports); discovery and sampling run in it, and every copy
 * task imports it, so all reads see the same data even while the source changes.
 */
public final class PgSourceDatabase implements SourceDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(PgSourceDatabase.class);

    private final Connection coordinator;
    private final PgSchemaReader schemaReader;
    private final PgSplitSampler sampler;
    private final PgPartitionSource partitions;
    private final String snapshot;

    private PgSourceDatabase(Connection coordinator, PgPartitionSource partitions, String snapshot) throws SQLException {
        this.coordinator = coordinator;
        this.snapshot = snapshot;
        this.schemaReader = new PgSchemaReader(coordinator);
        this.sampler = new PgSplitSampler(coordinator);
        this.partitions = partitions;
    }

    /**
     * @param socketTimeout longest silence of the source during a partition's COPY, {@code ZERO} for none
     * @param imported      a snapshot another process exported and holds, or {@code null} to export one
     * @throws SQLException with SQLState {@code 22023} when {@code imported} is no longer held
     */
    public static PgSourceDatabase open(ConnectionSpec spec, int tasks, List<String> sessionSettings,
                                        java.time.Duration socketTimeout, String imported)
            throws SQLException {
        Connection coordinator = ConnectionPools.open(spec);
        HikariDataSource pool = null;
        try {
            try (Statement st = coordinator.createStatement()) {
                for (String s : sessionSettings) {
                    st.execute(s);
                }
                st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
                if (imported != null) {
                    st.execute("SET TRANSACTION SNAPSHOT " + Sql.literal(imported));
                }
            }
            String snapshot = imported;
            if (snapshot == null) {
                try (Statement st = coordinator.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
                    rs.next();
                    snapshot = rs.getString(1);
                }
            }
            pool = ConnectionPools.pool(spec, "migbench-source", tasks, String.join("; ", sessionSettings));
            return new PgSourceDatabase(coordinator, new PgPartitionSource(pool, snapshot, socketTimeout), snapshot);
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            coordinator.close();
            throw e;
        }
    }

    @Override
    public SchemaReader schemaReader() {
        return schemaReader;
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
    public String sharedSnapshot() {
        return snapshot;
    }

    @Override
    public void confirmSnapshotHeld() throws SQLException {
        try (Statement st = coordinator.createStatement()) {
            // a statement inside the coordinator's transaction fails once the server ended it
            st.execute("SELECT 1");
        }
    }

    @Override
    public void close() {
        partitions.close();
        try (Statement st = coordinator.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("coordinator rollback failed (connection lost): {}", e.getMessage());
        }
        try {
            coordinator.close();
        } catch (SQLException e) {
            LOG.debug("coordinator close failed: {}", e.getMessage());
        }
    }
}
