package io.migbench.harness.sweep;

import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.MigrationStatus;
import io.migbench.engine.Migrator;
import io.migbench.engine.Phase;
import io.migbench.engine.PhaseTimings;
import io.migbench.engine.ProgressListener;
import io.migbench.engine.RunPhase;
import io.migbench.engine.cli.EngineMain;
import io.migbench.engine.cli.MigrateArguments;
import io.migbench.harness.scenario.EngineSettings;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A migbench trial as separate processes on this host, timed as a whole: the plan in this JVM (holding a
 * PostgreSQL source's snapshot for the workers; a SQL Server source is quiesced, as a benchmark's is), then
 * {@code workers} copy-worker JVMs of {@code tasks} threads each ({@code java -cp <this classpath>} running the engine's
 * {@code migrate --phase copy}), then finalize in this JVM. A worker that fails fails the trial.
 */
final class WorkerProcessesTrial {
    private static final String SOURCE_PASSWORD = "MIGBENCH_WORKER_SOURCE_PASSWORD";
    private static final String TARGET_PASSWORD = "MIGBENCH_WORKER_TARGET_PASSWORD";

    private WorkerProcessesTrial() {}

    static MigrationResult migrate(TrialContext ctx, EngineSettings settings, ProgressListener listener) {
        long start = System.nanoTime();
        boolean postgres = ctx.databases().sourceUrl().startsWith("jdbc:postgresql:");
        MigrationOptions plan = builder(ctx, settings).phase(RunPhase.PLAN).holdSnapshot(postgres)
                .sourceQuiesced(!postgres).build();
        ExecutorService planThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "migbench-plan");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<String> planned = new CompletableFuture<>();
        Future<MigrationResult> planning = planThread.submit(() -> Migrator.migrate(plan, e -> {
            listener.onProgress(e);
            if (e.phase() == Phase.DONE) {
                planned.complete(e.message());
            }
        }));
        List<Process> workers = new ArrayList<>();
        try {
            String message = awaitPlan(planned, planning);
            if (!message.startsWith("planned")) {
                return failed("plan: " + planning.get().errorMessage(), start);
            }
            long copyStart = System.nanoTime();
            List<Path> logs = new ArrayList<>();
            for (int i = 1; i <= settings.workers().value(); i++) {
                MigrationOptions copy = builder(ctx, settings).phase(RunPhase.COPY).workerId("worker-" + i)
                        .sourceQuiesced(!postgres).build();
                Path log = Files.createTempFile("migbench-worker-" + i + "-", ".log");
                logs.add(log);
                workers.add(start(copy, log));
            }
            for (int i = 0; i < workers.size(); i++) {
                int exit = workers.get(i).waitFor();
                if (exit != 0) {
                    return failed("copy worker-" + (i + 1) + " exited with " + exit + ": " + lastLine(logs.get(i)), start);
                }
            }
            for (Path log : logs) {
                Files.deleteIfExists(log);
            }
            long copyEnd = System.nanoTime();
            MigrationOptions.Builder finalizing = builder(ctx, settings).phase(RunPhase.FINALIZE).sourceQuiesced(!postgres);
            if (!settings.indexTasks().isAuto()) {
                finalizing.indexTasks(settings.indexTasks().value());
            }
            MigrationResult f = Migrator.migrate(finalizing.build(), listener);
            long end = System.nanoTime();
            MigrationResult p = planning.get(60, TimeUnit.SECONDS);
            if (!p.succeeded() && f.succeeded()) {
                return failed("plan: " + p.errorMessage(), start);
            }
            return new MigrationResult(f.status(), f.totalRows(), f.totalBytes(),
                    new PhaseTimings(seconds(start, copyStart), seconds(copyStart, copyEnd), f.timings().indexSeconds(),
                            f.timings().verifySeconds(), seconds(start, end), seconds(copyEnd, end)),
                    f.tables(), f.mismatches(), f.notMigrated(), f.errorMessage(), f.failure(), f.sourceServerVersion(),
                    f.targetServerVersion(), f.targetSessionSettings(), f.verification(), f.timeline(), f.runId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted", start);
        } catch (IOException | ExecutionException | java.util.concurrent.TimeoutException e) {
            return failed("worker processes: " + (e.getCause() == null ? e : e.getCause()), start);
        } finally {
            workers.forEach(Process::destroyForcibly);
            // a plan still holding its snapshot (a worker failed) is interrupted, which ends it
            planning.cancel(true);
            planThread.shutdownNow();
        }
    }

    private static MigrationOptions.Builder builder(TrialContext ctx, EngineSettings settings) {
        return MigbenchTrial.builder(ctx.scenario(), ctx.databases(), ctx.selection(), settings);
    }

    /** The plan's DONE message ("planned ..." once the workers may start), or its failure. */
    private static String awaitPlan(CompletableFuture<String> planned, Future<MigrationResult> planning)
            throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return planned.get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (planning.isDone()) {
                    // failed before reporting anything (e.g. a refused option): get() throws its exception
                    MigrationResult r = planning.get();
                    return r.succeeded() ? "planned" : "failed";
                }
            }
        }
    }

    private static Process start(MigrationOptions options, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), EngineMain.class.getName()));
        command.addAll(MigrateArguments.of(options, SOURCE_PASSWORD, TARGET_PASSWORD));
        command.add("--progress=none");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (options.source().password() != null) {
            pb.environment().put(SOURCE_PASSWORD, options.source().password());
        }
        if (options.target().password() != null) {
            pb.environment().put(TARGET_PASSWORD, options.target().password());
        }
        return pb.start();
    }

    /**
     * The classpath that loaded the engine: the class loader's URLs where it has them (a Maven plugin's realm), else
     * this JVM's own class path (the migbench jar, a test run).
     */
    private static String classpath() {
        if (EngineMain.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            return java.util.Arrays.stream(loader.getURLs()).map(u -> {
                try {
                    return Path.of(u.toURI()).toString();
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("not a file on the class path: " + u, e);
                }
            }).collect(Collectors.joining(java.io.File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }

    private static MigrationResult failed(String message, long start) {
        double total = seconds(start, System.nanoTime());
        return new MigrationResult(MigrationStatus.FAILED, 0, 0, new PhaseTimings(0, 0, 0, 0, total, 0), List.of(),
                List.of(), List.of(), message, null, null, null, List.of(), io.migbench.engine.VerifyMode.NONE, List.of(), null);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
