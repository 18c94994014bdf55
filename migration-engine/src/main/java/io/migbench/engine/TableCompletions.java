package io.migbench.engine;

import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableName;
import io.migbench.engine.state.StateStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hands each table to finalization once, as soon as the state table shows all its partitions done, whoever
 * copied them (this process, another worker, an earlier run), with the recorded outcomes of the partitions this
 * process did not copy added to {@code outcomes} first (verification needs every partition's counts).
 */
final class TableCompletions {
    private final DataSource target;
    private final StateStore state;
    private final Map<TableName, TablePlan> plans;
    private final Map<Partition, PartitionOutcome> outcomes;
    private final Consumer<TableDef> finalize;
    private final Set<TableName> handed = ConcurrentHashMap.newKeySet();

    TableCompletions(DataSource target, StateStore state, Map<TableName, TablePlan> plans,
                     Map<Partition, PartitionOutcome> outcomes, Consumer<TableDef> finalize) {
        this.target = target;
        this.state = state;
        this.plans = plans;
        this.outcomes = outcomes;
        this.finalize = finalize;
    }

    /** After this process committed a partition of {@code table}. */
    void partitionDone(TableName table) {
        if (handed.contains(table)) {
            return;
        }
        withTarget(table, c -> {
            if (state.tableComplete(c, table)) {
                handOver(c, table);
            }
        });
    }

    /** Every table whose partitions are all done and that was not handed over yet. */
    void handOverComplete() {
        withTarget(null, c -> {
            for (TableName t : state.completeTables(c)) {
                if (plans.containsKey(t) && !handed.contains(t)) {
                    handOver(c, t);
                }
            }
        });
    }

    private void handOver(Connection c, TableName table) throws SQLException {
        if (!handed.add(table)) {
            return;
        }
        TablePlan plan = plans.get(table);
        state.doneOutcomes(c, plan).forEach(outcomes::putIfAbsent);
        finalize.accept(plan.table());
    }

    private interface Step {
        void run(Connection c) throws SQLException;
    }

    private void withTarget(TableName table, Step step) {
        try (Connection c = target.getConnection()) {
            step.run(c);
        } catch (SQLException e) {
            throw new MigrationException("reading which tables are complete failed: " + e.getMessage(),
                    table == null ? null : table.toString(), null, 0, null, e);
        }
    }
}
