package io.migbench.engine.copy;

import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.verify.SourceDigests;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;

/**
 * Where partition rows come from. An implementation writes a partition as a complete PostgreSQL COPY stream
 * ({@link TablePlan#format()}: binary with header and trailer, or text) of the table's copied columns, so the
 * target side stays the same whatever the source database.
 */
public interface PartitionSource extends SourceDigests, AutoCloseable {
    /**
     * Streams the partition into {@code sink} and returns the number of rows the source produced.
     * Reports progress to {@code counter} while streaming.
     */
    long copy(TablePlan table, Partition partition, OutputStream sink, CopyCounter counter)
            throws SQLException, IOException;

    @Override
    void close();
}
