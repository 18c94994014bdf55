package io.migbench.engine.schema;

/** A schema-qualified table name, kept raw; {@link #quoted()} is the only form used in SQL. */
public record TableName(String schema, String name) implements Comparable<TableName> {
    public String quoted() {
        return Sql.ident(schema) + "." + Sql.ident(name);
    }

    /** {@code ONLY "schema"."name"}: the table's own rows, without those of inheritance children (migrated on their own). */
    public String onlyQuoted() {
        return "ONLY " + quoted();
    }

    /** The text form accepted by regclass and pg_get_serial_sequence. */
    public String regclassLiteral() {
        return Sql.literal(quoted());
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }

    @Override
    public int compareTo(TableName o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : name.compareTo(o.name);
    }
}
