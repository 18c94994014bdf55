package io.migbench.engine.copy.binary.bench;

import io.migbench.engine.copy.binary.Chunk;
import io.migbench.engine.copy.binary.ChunkSink;

/** Measures encoding alone: counts the bytes of each full chunk and hands the same chunk back. */
public final class DiscardingSink implements ChunkSink {
    long bytes;

    @Override
    public Chunk exchange(Chunk filled) {
        bytes += filled.length();
        return filled;
    }

    @Override
    public void finish(Chunk last) {
        bytes += last.length();
    }
}
