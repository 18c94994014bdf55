package io.migbench.engine.copy.binary;

/**
 * A reusable byte buffer passed between the encoding thread and the COPY writing thread.
 * It grows only when a single row is larger than its capacity, so steady state allocates nothing.
 */
public final class Chunk {
    byte[] data;
    int length;

    public Chunk(int capacity) {
        if (capacity < 16) {
            throw new IllegalArgumentException("chunk capacity must be at least 16 bytes, got " + capacity);
        }
        this.data = new byte[capacity];
    }

    public byte[] data() {
        return data;
    }

    /** Number of valid bytes, starting at offset 0. */
    public int length() {
        return length;
    }

    public int capacity() {
        return data.length;
    }

    void clear() {
        length = 0;
    }
}
