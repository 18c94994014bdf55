package io.migbench.engine.copy.binary;

import java.io.IOException;

/** The other side of a {@link BoundedChunkPipe} failed or cancelled; the cause is the other side's error. */
public final class PipeClosedException extends IOException {
    public PipeClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
