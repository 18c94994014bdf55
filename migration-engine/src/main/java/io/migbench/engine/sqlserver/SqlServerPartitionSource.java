package io.migbench.engine.sqlserver;

import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.CopyFormat;
import io.migbench.engine.copy.CopyCounter;
import io.migbench.engine.copy.PartitionSource;
import io.migbench.engine.copy.binary.BoundedChunkPipe;
import io.migbench.engine.copy.binary.Chunk;
import io.migbench.engine.copy.binary.ChunkSink;
import io.migbench.engine.copy.binary.CopyInChunkWriter;
import io.migbench.engine.copy.binary.JavaRowDigest;
import io.migbench.engine.copy.binary.NulPolicy;
import io.migbench.engine.copy.binary.OutputStreamChunkSink;
import io.migbench.engine.copy.binary.PgBinaryWriter;
import io.migbench.engine.copy.binary.PipeClosedException;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.sqlserver.SqlServerSchema.Column;
import io.migbench.engine.verify.RowDigest;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SQL Server partitions as complete binary COPY streams: a reader thread runs the forward-only range read and
 * encodes each row ({@link SqlServerRangeReader} into {@link PgBinaryWriter}), a {@link BoundedChunkPipe} of
 * {@value #CHUNKS} × {@value #CHUNK_BYTES} bytes carries the chunks, and the engine's copy task writes them into
 * the target's COPY ({@link CopyInChunkWriter#drainTo}): memory per task stays flat whatever the range size.
 *
 * <p>Checksums: with {@code streamDigests} the row digest ({@link JavaRowDigest}) is computed on the reader
 * thread while the partition streams and handed to the verifier; a partition not copied in this run (resume) is
 * read again for its digest. Each range read is its own statement on a pooled connection and, under snapshot
 * isolation, has its own snapshot: SQL Server cannot share one snapshot between sessions.
 */
final class SqlServerPartitionSource implements PartitionSource {
    private static final int CHUNKS = 4;
    private static final int CHUNK_BYTES = 256 * 1024;

    private final HikariDataSource connections;
    private final SourceTables tables;
    private final NulPolicy nulPolicy;
    private final boolean streamDigests;
    private final Map<Partition, RowDigest> streamed = new ConcurrentHashMap<>();
    private final ExecutorService readers;

    /** @param connections the read pool, closed with this source */
    SqlServerPartitionSource(HikariDataSource connections, SourceTables tables, NulPolicy nulPolicy,
                             boolean streamDigests) {
        this.connections = connections;
        this.tables = tables;
        this.nulPolicy = nulPolicy;
        this.streamDigests = streamDigests;
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "migbench-mssql-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public long copy(TablePlan plan, Partition partition, OutputStream sink, CopyCounter counter)
            throws SQLException, IOException {
        if (plan.format() != CopyFormat.BINARY) {
            throw new IllegalStateException(plan.table().name() + ": SQL Server rows are encoded as binary COPY only");
        }
        MappedTable table = tables.get(plan.table().name());
        KeyRange range = range(table, partition);
        BoundedChunkPipe pipe = new BoundedChunkPipe(CHUNKS, CHUNK_BYTES);
        JavaRowDigest digest = streamDigests ? newDigest(table) : null;
        try (Connection source = connections.getConnection()) {
            Future<Long> reader = readers.submit(() -> produce(source, table, range, pipe, digest, counter));
            try {
                CopyInChunkWriter.drainTo(pipe, sink);
            } catch (PipeClosedException e) {
                throw readerFailure(reader, e);
            } catch (IOException | RuntimeException | InterruptedException e) {
                // the target side failed: stop a reader that may be waiting on SQL Server, then report our error
                source.abort(Runnable::run);
                connections.evictConnection(source);
                awaitQuietly(reader);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while copying " + plan.table().name() + " " + range, e);
                }
                if (e instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) e;
            }
            long rows = result(reader);
            if (digest != null) {
                streamed.put(partition, new RowDigest(rows, new BigDecimal(digest.sum())));
            }
            return rows;
        }
    }

    @Override
    public RowDigest digest(TablePlan plan, Partition partition) throws SQLException {
        RowDigest d = streamed.remove(partition);
        if (d != null) {
            return d;
        }
        MappedTable table = tables.get(plan.table().name());
        JavaRowDigest digest = newDigest(table);
        Chunk scratch = new Chunk(CHUNK_BYTES);
        try (Connection source = connections.getConnection()) {
            // the rows are encoded as for a copy (the encoder applies the same NUL policy) and dropped
            SqlServerRangeReader reader = new SqlServerRangeReader(table);
            PgBinaryWriter discard = new PgBinaryWriter(reader.copiedColumns(),
                    new OutputStreamChunkSink(OutputStream.nullOutputStream()), scratch, nulPolicy);
            long rows = reader.read(source, range(table, partition), discard, digest);
            return new RowDigest(rows, new BigDecimal(digest.sum()));
        }
    }

    private long produce(Connection source, MappedTable table, KeyRange range, BoundedChunkPipe pipe,
                         JavaRowDigest digest, CopyCounter counter) throws Exception {
        try {
            ProgressSink progress = new ProgressSink(pipe, counter);
            SqlServerRangeReader reader = new SqlServerRangeReader(table);
            PgBinaryWriter writer = new PgBinaryWriter(reader.copiedColumns(), progress, pipe.acquire(), nulPolicy);
            progress.writer = writer;
            long rows = reader.read(source, range, writer, digest);
            writer.finish();
            return rows;
        } catch (Throwable e) {
            pipe.failProducer(e);
            throw e;
        }
    }

    /** The reader's original error (with table, range, rows and SQLState), rather than the pipe's echo of it. */
    private static IOException readerFailure(Future<Long> reader, PipeClosedException echo) {
        try {
            reader.get();
            return echo;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            return new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return echo;
        }
    }

    private static long result(Future<Long> reader) throws IOException {
        try {
            return reader.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the SQL Server reader", e);
        }
    }

    private static void awaitQuietly(Future<Long> reader) {
        try {
            reader.get();
        } catch (ExecutionException ignored) {
            // the reader fails because the copy did; the copy's error is the one reported
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The partition's key range with its bounds as SQL Server parameters. */
    static KeyRange range(MappedTable table, Partition p) {
        List<String> names = keyNames(table);
        return switch (p.kind()) {
            case WHOLE_TABLE -> new KeyRange(names, null, null);
            case KEY_RANGE -> new KeyRange(names, values(table.splitKey(), p.lower()), values(table.splitKey(), p.upper()));
            case CTID_RANGE -> throw new IllegalStateException(p.table() + ": a SQL Server table has no ctid ranges");
        };
    }

    private static List<Object> values(List<Column> key, List<String> bound) {
        if (bound == null) {
            return null;
        }
        List<Object> out = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            out.add(KeyBounds.value(bound.get(i), key.get(i).targetType()));
        }
        return out;
    }

    private static List<String> keyNames(MappedTable table) {
        return table.splitKey().stream().map(Column::name).toList();
    }

    private JavaRowDigest newDigest(MappedTable table) {
        return new JavaRowDigest(table.source().columns().stream().map(Column::targetType).toList(), nulPolicy);
    }

    /** Reports rows and bytes to the engine's counter as each chunk leaves the reader thread. */
    private static final class ProgressSink implements ChunkSink {
        private final BoundedChunkPipe pipe;
        private final CopyCounter counter;
        private PgBinaryWriter writer;
        private long reportedRows;

        ProgressSink(BoundedChunkPipe pipe, CopyCounter counter) {
            this.pipe = pipe;
            this.counter = counter;
        }

        @Override
        public Chunk exchange(Chunk filled) throws IOException, InterruptedException {
            report(filled);
            return pipe.exchange(filled);
        }

        @Override
        public void finish(Chunk last) throws IOException, InterruptedException {
            report(last);
            pipe.finish(last);
        }

        private void report(Chunk chunk) {
            long rows = writer.rowsWritten();
            counter.copied(rows - reportedRows, chunk.length());
            reportedRows = rows;
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
        connections.close();
    }
}
