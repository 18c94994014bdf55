package io.migbench.engine.verify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical, order-independent checksum of a set of rows, computed inside PostgreSQL.
 *
 * <p>Each row is rendered as one string: for every column in order, its PostgreSQL text output as
 * {@code <length>:<text>,} or {@code N,} for NULL. Length-prefixing keeps the form injective whatever
 * the values contain. The row digest is the first 64 bits of the string's MD5 read as a signed bigint;
 * a partition's checksum is the exact (numeric) sum of its row digests, so it does not depend on row order.
 * The text output depends on session settings, so every checksum session first runs {@link #SESSION_SETTINGS}.
 * A non-PostgreSQL source computes the same digest in Java from values rendered the same way.
 */
public final class RowDigestSql {
    /** Settings that fix PostgreSQL's text output of time, float and binary values. */
    public static final List<String> SESSION_SETTINGS = List.of(
            "SET TimeZone = 'UTC'",
            "SET DateStyle = 'ISO, YMD'",
            "SET IntervalStyle = 'postgres'",
            "SET extra_float_digits = 1",
            "SET bytea_output = 'hex'");

    private RowDigestSql() {}

    /**
     * {@code SELECT count(*), checksum FROM <from> WHERE <where>} for the given already-quoted column names.
     *
     * @param quotedColumns  quoted column identifiers, in table order
     * @param quotedFrom     quoted, schema-qualified table name
     * @param whereClause    range predicate without {@code WHERE}, or {@code null} for the whole table
     */
    public static String countAndChecksum(List<String> quotedColumns, String quotedFrom, String whereClause) {
        return "SELECT count(*), coalesce(sum(('x' || left(md5(" + rowText(quotedColumns)
                + "), 16))::bit(64)::bigint::numeric), 0) FROM " + quotedFrom
                + (whereClause == null ? "" : " WHERE " + whereClause);
    }

    /** The SQL expression of one row's canonical text. */
    public static String rowText(List<String> quotedColumns) {
        return quotedColumns.stream()
                .map(c -> "coalesce(length(" + c + "::text) || ':' || " + c + "::text || ',', 'N,')")
                .collect(Collectors.joining(" || ", "(", ")"));
    }
}
