package io.migbench.engine.copy.binary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedChunkPipeTest {

    @Test
    void transfersEveryByteInOrderWithOnlyTheFixedChunks() throws Exception {
        BoundedChunkPipe pipe = new BoundedChunkPipe(2, 64);
        int rows = 10_000;
        CompletableFuture<Long> producer = CompletableFuture.supplyAsync(() -> {
            try {
                PgBinaryWriter w = new PgBinaryWriter(2, pipe, pipe.acquire(), NulPolicy.reject());
                for (int i = 0; i < rows; i++) {
                    w.startRow();
                    w.writeInt4(i);
                    w.writeText("row " + i);
                    w.endRow();
                }
                w.finish();
                return w.rowsWritten();
            } catch (Exception e) {
                pipe.failProducer(e);
                throw new IllegalStateException(e);
            }
        });
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        java.util.Set<Chunk> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Chunk c;
        while ((c = pipe.take()) != null) {
            distinct.add(c);
            received.write(c.data(), 0, c.length());
            pipe.release(c);
        }

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PgBinaryWriter direct = new PgBinaryWriter(2, new OutputStreamChunkSink(expected), new Chunk(64), NulPolicy.reject());
        for (int i = 0; i < rows; i++) {
            direct.startRow();
            direct.writeInt4(i);
            direct.writeText("row " + i);
            direct.endRow();
        }
        direct.finish();

        assertThat(producer.get(10, TimeUnit.SECONDS)).as("rows written").isEqualTo(rows);
        assertThat(received.toByteArray()).as("bytes through the pipe equal a direct single-thread encoding")
                .isEqualTo(expected.toByteArray());
        assertThat(distinct).as("only the pipe's two chunks were ever used").hasSize(2);
    }

    @Test
    void producerFailureReachesTheConsumerInsteadOfAnEndOfData() throws Exception {
        BoundedChunkPipe pipe = new BoundedChunkPipe(2, 64);
        Chunk c = pipe.acquire();
        pipe.publish(c);
        pipe.failProducer(new IllegalStateException("source read failed at row 42"));
        assertThatThrownBy(pipe::take).as("no clean end after a producer failure")
                .isInstanceOf(PipeClosedException.class)
                .hasMessageContaining("encoding side")
                .hasRootCauseMessage("source read failed at row 42");
    }

    @Test
    void consumerFailureWakesAProducerBlockedOnAFullPipe() throws Exception {
        BoundedChunkPipe pipe = new BoundedChunkPipe(2, 64);
        pipe.publish(pipe.acquire());
        Chunk second = pipe.acquire();
        CountDownLatch blocked = new CountDownLatch(1);
        CompletableFuture<Chunk> producer = CompletableFuture.supplyAsync(() -> {
            try {
                blocked.countDown();
                return pipe.exchange(second); // no free chunk left: blocks until the consumer acts
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        blocked.await();
        pipe.failConsumer(new java.sql.SQLException("target connection lost", "08006"));
        assertThatThrownBy(() -> producer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(java.sql.SQLException.class)
                .rootCause().hasMessage("target connection lost");
    }

    @Test
    void cancelStopsBothSides() throws Exception {
        BoundedChunkPipe pipe = new BoundedChunkPipe(2, 64);
        pipe.cancel("migration aborted by user");
        assertThatThrownBy(pipe::acquire).isInstanceOf(PipeClosedException.class)
                .hasCauseInstanceOf(CancellationException.class);
        assertThatThrownBy(pipe::take).isInstanceOf(PipeClosedException.class)
                .hasMessageContaining("migration aborted by user");
    }

    @Test
    void cleanCloseEndsTheConsumerAfterTheLastChunk() throws Exception {
        BoundedChunkPipe pipe = new BoundedChunkPipe(2, 64);
        Chunk c = pipe.acquire();
        pipe.finish(c);
        assertThat(pipe.take()).as("the published chunk first").isSameAs(c);
        assertThat(pipe.take()).as("then end of data").isNull();
    }

    @Test
    void rejectsTooFewChunks() {
        assertThatThrownBy(() -> new BoundedChunkPipe(1, 64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunkCount");
    }
}
