package io.migbench.engine.copy.binary;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Joins one encoding (producer) thread and one COPY writing (consumer) thread through a fixed set of
 * reusable chunks, so memory stays at {@code chunkCount × chunkCapacity} whatever the table size.
 *
 * <p>The producer {@link #acquire()}s an empty chunk, fills it, and {@link #exchange}s it for another one;
 * it ends with {@link #publish} of the last chunk and {@link #closeProducer()}, or {@link #failProducer}.
 * The consumer {@link #take()}s filled chunks until {@code null} (end of data), {@link #release}s each one
 * after writing it, or {@link #failConsumer} on error. A failure on either side wakes the other, whose next
 * call throws {@link PipeClosedException} carrying the original error: a producer failure must never look
 * like a clean end of data, or a partial range would be committed.
 */
public final class BoundedChunkPipe implements ChunkSink {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freeAvailable = lock.newCondition();
    private final Condition filledAvailable = lock.newCondition();
    private final ArrayDeque<Chunk> free;
    private final ArrayDeque<Chunk> filled;
    private boolean producerClosed;
    private Throwable producerFailure;
    private Throwable consumerFailure;

    public BoundedChunkPipe(int chunkCount, int chunkCapacity) {
        if (chunkCount < 2) {
            throw new IllegalArgumentException("chunkCount must be at least 2 so encoding and writing overlap, got "
                    + chunkCount);
        }
        free = new ArrayDeque<>(chunkCount);
        filled = new ArrayDeque<>(chunkCount);
        for (int i = 0; i < chunkCount; i++) {
            free.add(new Chunk(chunkCapacity));
        }
    }

    /** Producer: an empty chunk, blocking while all chunks are in flight. */
    public Chunk acquire() throws PipeClosedException, InterruptedException {
        lock.lockInterruptibly();
        try {
            while (free.isEmpty() && consumerFailure == null && producerFailure == null) {
                freeAvailable.await();
            }
            throwIfFailed();
            Chunk c = free.poll();
            c.clear();
            return c;
        } finally {
            lock.unlock();
        }
    }

    /** Producer: hands over a filled chunk. */
    public void publish(Chunk chunk) throws PipeClosedException, InterruptedException {
        lock.lockInterruptibly();
        try {
            throwIfFailed();
            if (producerClosed) {
                throw new IllegalStateException("publish after closeProducer");
            }
            filled.add(chunk);
            filledAvailable.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Chunk exchange(Chunk filledChunk) throws PipeClosedException, InterruptedException {
        publish(filledChunk);
        return acquire();
    }

    @Override
    public void finish(Chunk last) throws PipeClosedException, InterruptedException {
        publish(last);
        closeProducer();
    }

    /** Producer: no more chunks; the consumer sees {@code null} once it has taken the published ones. */
    public void closeProducer() {
        lock.lock();
        try {
            producerClosed = true;
            filledAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Producer: reading or encoding failed; the consumer must abort its COPY rather than finish it. */
    public void failProducer(Throwable cause) {
        lock.lock();
        try {
            if (producerFailure == null) {
                producerFailure = cause;
            }
            signalBoth();
        } finally {
            lock.unlock();
        }
    }

    /** Consumer: the next filled chunk, or {@code null} when the producer closed and everything was taken. */
    public Chunk take() throws PipeClosedException, InterruptedException {
        lock.lockInterruptibly();
        try {
            while (filled.isEmpty() && !producerClosed && producerFailure == null && consumerFailure == null) {
                filledAvailable.await();
            }
            throwIfFailed();
            return filled.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Consumer: the chunk was written and can be filled again. */
    public void release(Chunk chunk) {
        lock.lock();
        try {
            free.add(chunk);
            freeAvailable.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Consumer: writing failed; the producer stops at its next acquire or exchange. */
    public void failConsumer(Throwable cause) {
        lock.lock();
        try {
            if (consumerFailure == null) {
                consumerFailure = cause;
            }
            signalBoth();
        } finally {
            lock.unlock();
        }
    }

    /** Stops both sides, e.g. when the whole migration is aborted. */
    public void cancel(String reason) {
        CancellationException cancelled = new CancellationException(reason);
        lock.lock();
        try {
            if (producerFailure == null) {
                producerFailure = cancelled;
            }
            if (consumerFailure == null) {
                consumerFailure = cancelled;
            }
            signalBoth();
        } finally {
            lock.unlock();
        }
    }

    private void throwIfFailed() throws PipeClosedException {
        if (producerFailure != null) {
            throw new PipeClosedException("the encoding side stopped: " + producerFailure, producerFailure);
        }
        if (consumerFailure != null) {
            throw new PipeClosedException("the COPY side stopped: " + consumerFailure, consumerFailure);
        }
    }

    private void signalBoth() {
        freeAvailable.signalAll();
        filledAvailable.signalAll();
    }
}
