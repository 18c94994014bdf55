package io.migbench.engine.plan;

import io.migbench.engine.CopyFormat;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.schema.TableDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides per table between one whole-table COPY, key ranges and ctid block ranges, and cuts the ranges.
 * Ranges are half-open and the outer ones unbounded, so whatever the sample, no row is skipped or read twice.
 */
public final class PartitionPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionPlanner.class);

    private final MigrationOptions options;
    private final SplitSampler sampler;

    public PartitionPlanner(MigrationOptions options, SplitSampler sampler) {
        this.options = options;
        this.sampler = sampler;
    }

    public MigrationPlan plan(List<TableDef> tables) throws SQLException {
        long totalBytes = tables.stream().mapToLong(TableDef::bytes).sum();
        List<TablePlan> plans = new ArrayList<>();
        for (TableDef t : tables) {
            plans.add(plan(t, totalBytes));
        }
        return new MigrationPlan(plans);
    }

    private TablePlan plan(TableDef t, long totalBytes) throws SQLException {
        CopyFormat format = formatFor(t);
        PartitionKind kind = kindFor(t, totalBytes);
        List<Partition> parts = switch (kind) {
            case KEY_RANGE -> keyRanges(t);
            case CTID_RANGE -> ctidRanges(t);
            case WHOLE_TABLE -> List.of();
        };
        if (parts.size() <= 1) {
            kind = PartitionKind.WHOLE_TABLE;
            parts = List.of(new Partition(t.name(), 0, kind, null, null, t.estimatedRows(), t.bytes()));
        } else if (options.sampled()) {
            parts = evenlySpread(parts, options.sampleFraction());
        }
        LOG.debug("plan {}: {} x {} ({} format)", t.name(), parts.size(), kind, format);
        return new TablePlan(t, kind, format, parts);
    }

    private CopyFormat formatFor(TableDef t) {
        if (options.copyFormat() == CopyFormat.BINARY && !t.binaryPortable()) {
            LOG.info("{}: copied in text format (a column's binary form carries a type OID that differs between databases)",
                    t.name());
            return CopyFormat.TEXT;
        }
        return options.copyFormat();
    }

    /**
     * Ranges {@code i} where {@code floor((i + 1) * fraction)} steps up: about {@code fraction} of them, spread evenly
     * from the first to the last, the same ones on every run. Kept ranges keep their bounds, so they stay disjoint.
     */
    static List<Partition> evenlySpread(List<Partition> ranges, double fraction) {
        List<Partition> kept = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            if (Math.floor((i + 1) * fraction) > Math.floor(i * fraction)) {
                kept.add(ranges.get(i));
            }
        }
        return kept.isEmpty() ? List.of(ranges.get(ranges.size() - 1)) : kept;
    }

    /** Ranges to cut a big table into: {@code partitions}, or that many times {@code 1 / fraction} when sampling. */
    private int rangeCount() {
        return options.sampled()
                ? (int) Math.min(10_000, Math.ceil(options.partitions() / options.sampleFraction())) : options.partitions();
    }

    private PartitionKind kindFor(TableDef t, long totalBytes) throws SQLException {
        boolean small = t.estimatedRows() < options.partitionThresholdRows() || rangeCount() == 1;
        SplitStrategy split = options.split();
        if (split == SplitStrategy.WHOLE_TABLE || small) {
            return PartitionKind.WHOLE_TABLE;
        }
        // a sample needs ranges to choose from, so the whole-table shortcut does not apply to it
        if (split == SplitStrategy.AUTO && !options.sampled() && totalBytes > 0
                && (double) t.bytes() / totalBytes <= 1.0 / options.tasks()) {
            // its COPY ends no later than an even share of the work: one FREEZE copy beats slicing
            return PartitionKind.WHOLE_TABLE;
        }
        boolean keyed = !t.splitKey().isEmpty();
        boolean ctid = sampler.heapBlocks(t) >= 0;
        if (split == SplitStrategy.KEY) {
            return keyed ? PartitionKind.KEY_RANGE : ctid ? PartitionKind.CTID_RANGE : PartitionKind.WHOLE_TABLE;
        }
        // AUTO and CTID: sequential TID range scans are cheaper than index range scans on the source
        return ctid ? PartitionKind.CTID_RANGE : keyed ? PartitionKind.KEY_RANGE : PartitionKind.WHOLE_TABLE;
    }

    private List<Partition> keyRanges(TableDef t) throws SQLException {
        List<List<String>> inner = sampler.keyBoundaries(t, rangeCount());
        return ranges(t, PartitionKind.KEY_RANGE, inner);
    }

    private List<Partition> ctidRanges(TableDef t) throws SQLException {
        long blocks = sampler.heapBlocks(t);
        int pieces = (int) Math.min(rangeCount(), Math.max(1, blocks));
        List<List<String>> inner = new ArrayList<>();
        long previous = 0;
        for (int i = 1; i < pieces; i++) {
            long b = blocks * i / pieces;
            if (b > previous) {
                inner.add(List.of(Long.toString(b)));
                previous = b;
            }
        }
        return ranges(t, PartitionKind.CTID_RANGE, inner);
    }

    private static List<Partition> ranges(TableDef t, PartitionKind kind, List<List<String>> inner) {
        int n = inner.size() + 1;
        List<Partition> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Partition(t.name(), i, kind, i == 0 ? null : inner.get(i - 1),
                    i == n - 1 ? null : inner.get(i), t.estimatedRows() / n, t.bytes() / n));
        }
        return out;
    }
}
