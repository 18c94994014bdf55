package io.migbench.engine;

import io.migbench.engine.copy.PartitionSource;
import io.migbench.engine.plan.SplitSampler;
import io.migbench.engine.schema.SchemaReader;

/**
 * One source database session for a whole migration: discovery, split sampling and partition streams, all over
 * one consistent view of the data where the database offers it. Everything after it (plan, copy into the
 * target, finalize, verify, resume) is the same for every source. Opened by {@link SourceDatabases}.
 */
public interface SourceDatabase extends AutoCloseable {
    SchemaReader schemaReader();

    SplitSampler splitSampler();

    PartitionSource partitionSource();

    /**
     * The snapshot other processes can import while this one stays open (PostgreSQL's exported snapshot), or
     * {@code null} when the database offers none.
     */
    default String sharedSnapshot() {
        return null;
    }

    /** Fails when the consistent view is gone (the server ended the session holding it); nothing to check by default. */
    default void confirmSnapshotHeld() throws java.sql.SQLException {
    }

    @Override
    void close();
}
