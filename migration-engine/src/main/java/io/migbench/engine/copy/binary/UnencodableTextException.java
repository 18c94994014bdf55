package io.migbench.engine.copy.binary;

/**
 * A string value PostgreSQL cannot store (NUL character, unpaired UTF-16 surrogate). Thrown by the encoder
 * with the field's position in the row; the reader, which knows the table and the row's key, wraps it.
 */
public final class UnencodableTextException extends RuntimeException {
    private final int fieldIndex;

    public UnencodableTextException(int fieldIndex, String reason) {
        super("field " + fieldIndex + " " + reason);
        this.fieldIndex = fieldIndex;
    }

    /** Zero-based position of the offending field in its row. */
    public int fieldIndex() {
        return fieldIndex;
    }
}
