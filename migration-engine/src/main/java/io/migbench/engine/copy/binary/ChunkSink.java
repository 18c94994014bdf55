package io.migbench.engine.copy.binary;

import java.io.IOException;

/** Where {@link PgBinaryWriter} hands its filled chunks; it gets back an empty chunk to keep writing into. */
public interface ChunkSink {
    /**
     * Takes a filled chunk and returns an empty one (possibly the same), blocking while none is free.
     * The returned chunk's content is undefined; the writer resets it.
     */
    Chunk exchange(Chunk filled) throws IOException, InterruptedException;

    /** Takes the last chunk of the stream (ending with the COPY trailer); nothing follows. */
    void finish(Chunk last) throws IOException, InterruptedException;
}
