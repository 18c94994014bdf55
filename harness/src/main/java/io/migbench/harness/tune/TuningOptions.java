package io.migbench.harness.tune;

import io.migbench.harness.stats.Summary;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the {@link Tuner} searches. Build with {@link #builder()}; the compact constructor is the one place that
 * checks the values and rejects contradictions, naming the option.
 *
 * @param maxTasks         largest task count tried (the coarse pass covers powers of two up to it, and it)
 * @param coarseTasks      task counts of the coarse pass, ascending (empty: powers of two up to {@code maxTasks})
 * @param trialsPerPoint   measured trials per point, at least 2 (one trial has no confidence interval)
 * @param warmupTrials     unmeasured trials run before the measured ones at each point (trial numbers 1..n)
 * @param budget           wall-clock time the whole search may take; it stops and reports what it has when spent
 * @param confidence       confidence level of the intervals that decide "clearly below" and the verdict
 * @param partitionFactors partition counts tried at the best task count, as multiples of it (empty: skip)
 * @param clock            time source for the budget; tests pass a clock that advances per trial
 */
public record TuningOptions(int maxTasks, List<Integer> coarseTasks, int trialsPerPoint, int warmupTrials, Duration budget, double confidence,
                            List<Integer> partitionFactors, Clock clock) {

    /** Above this the engine would open thousands of connections: surely a typo. */
    public static final int MAX_TASKS_LIMIT = 1024;
    /** Upper cap of the machine-derived default of {@code maxTasks}. */
    public static final int DEFAULT_MAX_TASKS_CAP = 128;

    public TuningOptions {
        Objects.requireNonNull(coarseTasks, "coarseTasks");
        coarseTasks = coarseTasks.stream().sorted().toList();
        Objects.requireNonNull(partitionFactors, "partitionFactors");
        partitionFactors = List.copyOf(partitionFactors);
        List<String> problems = new ArrayList<>();
        if (maxTasks < 1 || maxTasks > MAX_TASKS_LIMIT) {
            problems.add("max_tasks: must be between 1 and " + MAX_TASKS_LIMIT + ", got " + maxTasks);
        }
        if (coarseTasks.stream().anyMatch(t -> t < 1 || t > maxTasks)) {
            problems.add("coarse_tasks: every task count must be between 1 and max_tasks " + maxTasks + ", got " + coarseTasks);
        }
        if (trialsPerPoint < 2) {
            problems.add("trials_per_point: must be at least 2 to give a confidence interval, got " + trialsPerPoint);
        }
        if (warmupTrials < 0) {
            problems.add("warmup_trials: must not be negative, got " + warmupTrials);
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            problems.add("budget: must be a positive duration, got " + budget);
        }
        if (!(confidence > 0 && confidence < 1)) {
            problems.add("confidence: must be between 0 and 1 (exclusive), got " + confidence);
        }
        if (partitionFactors.stream().anyMatch(f -> f < 1)) {
            problems.add("partition_factors: every factor must be at least 1, got " + partitionFactors);
        }
        if (clock == null) {
            problems.add("clock: missing");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("tuning options: " + String.join("; ", problems));
        }
    }

    /** Default {@code maxTasks} for a machine: 4 per logical core, at least 8, at most {@value #DEFAULT_MAX_TASKS_CAP}. */
    public static int defaultMaxTasks(int logicalCores) {
        return Math.max(8, Math.min(DEFAULT_MAX_TASKS_CAP, 4 * Math.max(1, logicalCores)));
    }

    /** True when trial {@code trialNumber} at a point is a warmup, whose value the tuner ignores. */
    public boolean isWarmup(int trialNumber) {
        return trialNumber <= warmupTrials;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder with the defaults documented on each setter; {@link #build()} validates. */
    public static final class Builder {
        private int maxTasks = defaultMaxTasks(Runtime.getRuntime().availableProcessors());
        private List<Integer> coarseTasks = List.of();
        private int trialsPerPoint = 3;
        private int warmupTrials = 0;
        private Duration budget = Duration.ofMinutes(20);
        private double confidence = Summary.CONFIDENCE;
        private List<Integer> partitionFactors = List.of(1, 2, 4);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Default: {@link #defaultMaxTasks(int)} of this machine's logical cores. */
        public Builder maxTasks(int value) {
            this.maxTasks = value;
            return this;
        }

        /** Default empty: powers of two up to {@code maxTasks}, and it. */
        public Builder coarseTasks(List<Integer> value) {
            this.coarseTasks = value;
            return this;
        }

        /** Default 3. */
        public Builder trialsPerPoint(int value) {
            this.trialsPerPoint = value;
            return this;
        }

        /** Default 0. */
        public Builder warmupTrials(int value) {
            this.warmupTrials = value;
            return this;
        }

        /** Default 20 minutes. */
        public Builder budget(Duration value) {
            this.budget = value;
            return this;
        }

        /** Default {@link Summary#CONFIDENCE} (95 %). */
        public Builder confidence(double value) {
            this.confidence = value;
            return this;
        }

        /** Default 1, 2, 4 (partitions = tasks, 2 × tasks, 4 × tasks). */
        public Builder partitionFactors(List<Integer> value) {
            this.partitionFactors = value;
            return this;
        }


        /** Default the system clock. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public TuningOptions build() {
            return new TuningOptions(maxTasks, coarseTasks, trialsPerPoint, warmupTrials, budget, confidence,
                    partitionFactors, clock);
        }
    }
}
