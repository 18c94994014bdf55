package io.migbench.engine.copy.binary;

/** The PostgreSQL types the encoder and the canonical checksum text know, by binary wire form. */
public enum PgFieldKind {
    BOOLEAN("boolean"),
    INT2("smallint"),
    INT4("integer"),
    INT8("bigint"),
    FLOAT4("real"),
    FLOAT8("double precision"),
    NUMERIC("numeric"),
    TEXT("text"),
    VARCHAR("varchar"),
    /** char(n): stored blank-padded; its {@code ::text} drops trailing blanks. */
    BPCHAR("char"),
    BYTEA("bytea"),
    DATE("date"),
    TIME("time"),
    TIMESTAMP("timestamp"),
    TIMESTAMPTZ("timestamptz"),
    UUID("uuid"),
    XML("xml");

    private final String sqlName;

    PgFieldKind(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The type name in PostgreSQL DDL, without modifiers. */
    public String sqlName() {
        return sqlName;
    }
}
