package io.migbench.engine.verify;

import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.TablePlan;

import java.sql.SQLException;

/** The source side of a checksum: what the verifier needs from a partition source, so verify need not know copy. */
public interface SourceDigests {
    /** Count and checksum of the partition's rows in the source, in the same consistent view as the copy. */
    RowDigest digest(TablePlan table, Partition partition) throws SQLException;
}
