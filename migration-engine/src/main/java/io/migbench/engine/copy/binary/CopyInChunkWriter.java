package io.migbench.engine.copy.binary;

import org.postgresql.copy.CopyIn;

import java.sql.SQLException;

/**
 * The consumer side of a {@link BoundedChunkPipe}: writes every chunk to a pgjdbc {@link CopyIn} and ends the
 * COPY only after a clean end of data. On any failure (its own or the producer's) the COPY is cancelled in
 * {@code finally}, so the target rolls the partial range back and the connection is not left locked.
 */
public final class CopyInChunkWriter {
    private CopyInChunkWriter() {}

    /**
     * Drains the pipe into the COPY and returns the row count PostgreSQL reports.
     *
     * @throws PipeClosedException if the producer failed (its error is the cause)
     */
    public static long drain(BoundedChunkPipe pipe, CopyIn copyIn)
            throws SQLException, PipeClosedException, InterruptedException {
        try {
            Chunk chunk;
            while ((chunk = pipe.take()) != null) {
                copyIn.writeToCopy(chunk.data(), 0, chunk.length());
                pipe.release(chunk);
            }
            return copyIn.endCopy();
        } catch (SQLException | RuntimeException | Error e) {
            pipe.failConsumer(e);
            throw e;
        } catch (InterruptedException e) {
            pipe.failConsumer(e);
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }
}
