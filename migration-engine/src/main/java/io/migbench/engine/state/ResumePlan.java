package io.migbench.engine.state;

import io.migbench.engine.OptionException;
import io.migbench.engine.EngineOption;
import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plan of an interrupted run or of the run a worker or finalize continues, rebuilt from the recorded state
 * (never re-sampled, so ranges are exactly the ones whose rows are committed), with the partitions already done
 * and their recorded outcomes.
 *
 * @param tablesToRestart ctid-split tables with unfinished partitions: a ctid range cannot be selected in the
 *                        target, so such a table is truncated and copied again whole (resume stays exact)
 */
public record ResumePlan(MigrationPlan plan, Map<Partition, PartitionOutcome> done, List<TableName> tablesToRestart) {

    /**
     * @param option the option to name when the recorded tables are not the source's now
     * @param remedy what the user should do then
     */
    public static ResumePlan from(List<PartitionState> states, List<TableDef> tables, EngineOption option, String remedy) {
        Map<TableName, TableDef> byName = tables.stream().collect(Collectors.toMap(TableDef::name, t -> t));
        Map<TableName, List<PartitionState>> byTable = new LinkedHashMap<>();
        for (PartitionState s : states) {
            byTable.computeIfAbsent(s.partition().table(), k -> new ArrayList<>()).add(s);
        }
        if (!byTable.keySet().equals(byName.keySet())) {
            throw new OptionException(option, "cannot continue: the recorded migration covers tables "
                    + sorted(byTable.keySet()) + " but the source now has " + sorted(byName.keySet()) + "; " + remedy);
        }
        List<TablePlan> plans = new ArrayList<>();
        Map<Partition, PartitionOutcome> done = new LinkedHashMap<>();
        List<TableName> restart = new ArrayList<>();
        for (Map.Entry<TableName, List<PartitionState>> e : byTable.entrySet()) {
            List<PartitionState> parts = e.getValue();
            PartitionKind kind = parts.get(0).partition().kind();
            boolean unfinished = parts.stream().anyMatch(s -> !s.done());
            boolean restartTable = kind == PartitionKind.CTID_RANGE && unfinished;
            if (restartTable) {
                restart.add(e.getKey());
            }
            for (PartitionState s : parts) {
                if (s.done() && !restartTable) {
                    done.put(s.partition(), new PartitionOutcome(s.partition(), s.sourceRows(), s.targetRows(),
                            s.bytes(), 0, 0));
                }
            }
            plans.add(new TablePlan(byName.get(e.getKey()), kind, parts.get(0).format(),
                    parts.stream().map(PartitionState::partition).toList()));
        }
        return new ResumePlan(new MigrationPlan(plans), done, restart);
    }

    public Set<Partition> donePartitions() {
        return done.keySet();
    }

    private static String sorted(Set<TableName> names) {
        return names.stream().sorted().map(TableName::toString).toList().toString();
    }
}
