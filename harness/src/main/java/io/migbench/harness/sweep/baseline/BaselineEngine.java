package io.migbench.harness.sweep.baseline;

import java.util.Optional;

/**
 * A reference tool a sweep runs beside migbench on the same databases, as external commands. A tool that is not
 * installed or cannot serve the servers at hand says why in {@link #unavailableReason}, so the sweep can skip it
 * with that note instead of failing or skipping silently.
 */
public interface BaselineEngine {

    /** The engine's name as scenarios spell it ({@code io.migbench.harness.model.EngineKind} yaml names). */
    String name();

    /** What this host lacks to run the engine at all (a command not on the PATH), or empty; needs no server. */
    Optional<String> missingTool();

    /** Why this engine cannot run against {@code ctx} (missing command, client older than the server), or empty. */
    default Optional<String> unavailableReason(BaselineContext ctx) {
        return missingTool();
    }

    /**
     * Copies {@code ctx.tables()} from source to target and counts the target's rows afterwards.
     * The target must not hold the tables yet (the sweep resets it before each trial).
     */
    BaselineRun run(BaselineContext ctx) throws BaselineException;
}
