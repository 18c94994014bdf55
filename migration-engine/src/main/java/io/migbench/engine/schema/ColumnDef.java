package io.migbench.engine.schema;

/**
 * One column as the source defines it.
 *
 * @param type           exact type text from {@code format_type} (schema-qualified for user types)
 * @param defaultExpr    default expression, or {@code null}
 * @param identity       {@code 'a'} (ALWAYS), {@code 'd'} (BY DEFAULT) or {@code 0} for no identity
 * @param generatedExpr  expression of a stored generated column (never copied, recomputed by the target), or {@code null}
 * @param collation      {@code COLLATE "schema"."name"} when the column's collation differs from its type's default, or {@code null}
 * @param sequence       quoted name of the sequence the default draws from (serial), or {@code null}
 * @param binaryPortable false when the type's binary form embeds a database-specific type OID
 *                       (arrays of user types, composites): such tables are copied in text format
 * @param identityOptions start, increment, range and last value of an identity (or of the sequence in
 *                       {@code sequence}) when the source states them, else {@code null} (the defaults; moved past the
 *                       copied maximum)
 */
public record ColumnDef(String name, String type, boolean notNull, String defaultExpr, char identity,
                        String generatedExpr, String collation, String sequence, boolean binaryPortable,
                        IdentityOptions identityOptions) {
    public boolean copied() {
        return generatedExpr == null;
    }

    public String quotedName() {
        return Sql.ident(name);
    }

    /** True when values come from a sequence that must be moved past the copied maximum. */
    public boolean drawsFromSequence() {
        return identity != 0 || sequence != null;
    }
}
