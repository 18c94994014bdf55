package io.migbench.engine.copy.binary;

import java.io.IOException;
import java.io.OutputStream;

/** Writes each chunk to a stream on the calling thread and gives the same chunk back: no second thread. */
public final class OutputStreamChunkSink implements ChunkSink {
    private final OutputStream out;

    public OutputStreamChunkSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public Chunk exchange(Chunk filled) throws IOException {
        out.write(filled.data, 0, filled.length);
        return filled;
    }

    @Override
    public void finish(Chunk last) throws IOException {
        out.write(last.data, 0, last.length);
        out.flush();
    }
}
