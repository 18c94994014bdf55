package io.migbench.engine.copy.binary;

import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;

/**
 * The consumer side of a {@link BoundedChunkPipe}: writes every chunk into a COPY, either a pgjdbc {@link CopyIn}
 * it ends itself or the engine's COPY stream, whose owner ends it. Any failure (its own or the producer's) is
 * signalled to the producer; a {@link CopyIn} is then cancelled in {@code finally}, so the target rolls the
 * partial range back and the connection is not left locked.
 */
public final class CopyInChunkWriter {
    private CopyInChunkWriter() {}

    /**
     * Drains the pipe into the COPY and returns the row count PostgreSQL reports.
     *
     * @throws PipeClosedException if the producer failed (its error is the cause)
     */
    public static long drain(BoundedChunkPipe pipe, CopyIn copyIn)
            throws SQLException, IOException, InterruptedException {
        try {
            pump(pipe, copyIn::writeToCopy);
            try {
                return copyIn.endCopy();
            } catch (SQLException | RuntimeException e) {
                pipe.failConsumer(e);
                throw e;
            }
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    /**
     * Drains the pipe into {@code out} up to the producer's end of data; the caller ends (or cancels) the COPY.
     *
     * @throws PipeClosedException if the producer failed (its error is the cause)
     */
    public static void drainTo(BoundedChunkPipe pipe, OutputStream out) throws IOException, InterruptedException {
        try {
            pump(pipe, out::write);
        } catch (SQLException e) {
            throw new IllegalStateException("an output stream cannot raise SQLException", e);
        }
    }

    private interface ChunkTarget {
        void write(byte[] data, int offset, int length) throws SQLException, IOException;
    }

    private static void pump(BoundedChunkPipe pipe, ChunkTarget target)
            throws SQLException, IOException, InterruptedException {
        try {
            Chunk chunk;
            while ((chunk = pipe.take()) != null) {
                target.write(chunk.data(), 0, chunk.length());
                pipe.release(chunk);
            }
        } catch (PipeClosedException e) {
            throw e; // the producer's failure: it knows already
        } catch (SQLException | IOException | RuntimeException | Error e) {
            pipe.failConsumer(e);
            throw e;
        } catch (InterruptedException e) {
            pipe.failConsumer(e);
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
