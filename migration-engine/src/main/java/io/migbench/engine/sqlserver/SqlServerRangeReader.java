package io.migbench.engine.sqlserver;

import io.migbench.engine.copy.binary.JavaRowDigest;
import io.migbench.engine.copy.binary.PgBinaryWriter;
import io.migbench.engine.copy.binary.PgColumnType;
import io.migbench.engine.copy.binary.UnencodableTextException;
import io.migbench.engine.sqlserver.SqlServerSchema.Column;
import io.migbench.engine.sqlserver.SqlServerSchema.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Streams one key range of a SQL Server table into a {@link PgBinaryWriter} (and, when checksums are on, a
 * {@link JavaRowDigest}) on the calling thread: a forward-only, read-only statement without {@code ORDER BY}
 * (row order does not matter to COPY or to the order-independent checksum, and a sort of a big range would
 * spill to tempdb). The writer's sink is normally a {@link io.migbench.engine.copy.binary.BoundedChunkPipe}
 * drained into {@code CopyIn} by another thread. The caller owns the connection (see {@link SqlServerConnections}).
 */
public final class SqlServerRangeReader {
    static final int FETCH_SIZE = 10_000;
    private static final Set<String> UTF16_TYPES = Set.of("nchar", "nvarchar", "ntext", "sysname");

    private final Table table;
    private final boolean[] copied;
    private final List<String> keyColumns;

    /** Reads {@code table}'s source columns; those the target computes itself are only digested, not written. */
    public SqlServerRangeReader(MappedTable table) {
        this.table = table.source();
        this.copied = table.copied();
        this.keyColumns = table.splitKey().stream().map(Column::name).toList();
    }

    /** The number of columns written to the COPY stream. */
    public int copiedColumns() {
        int n = 0;
        for (boolean c : copied) {
            n += c ? 1 : 0;
        }
        return n;
    }

    public String selectSql(KeyRange range) {
        return "SELECT " + SqlServerSql.quoteAll(table.columns().stream().map(Column::name).toList())
                + " FROM " + table.quotedSource() + " WHERE " + range.predicate();
    }

    /**
     * Reads the range, writing every row; the writer is not finished here (the caller ends the COPY stream).
     *
     * @param digest row digest to feed, or {@code null} when checksums are off
     * @return rows read
     */
    public long read(Connection source, KeyRange range, PgBinaryWriter writer, JavaRowDigest digest) {
        long started = System.nanoTime();
        long rows = 0;
        List<Column> columns = table.columns();
        boolean[] utf16 = new boolean[columns.size()];
        for (int i = 0; i < utf16.length; i++) {
            // the digest hashes Strings, so with checksums on every text value is read as one
            utf16[i] = digest == null && copied[i] && sentAsUtf16(columns.get(i));
        }
        try (PreparedStatement ps = source.prepareStatement(selectSql(range), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            List<Object> params = range.parameters();
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    writer.startRow();
                    if (digest != null) {
                        digest.startRow();
                    }
                    for (int i = 0; i < columns.size(); i++) {
                        try {
                            if (utf16[i]) {
                                writeUtf16(rs, i + 1, writer);
                                continue;
                            }
                            if (!copied[i] && digest == null) {
                                continue;
                            }
                            PgColumnType type = columns.get(i).targetType();
                            Object value = readValue(rs, i + 1, type);
                            if (copied[i]) {
                                writer.writeValue(type.kind(), value);
                            }
                            if (digest != null) {
                                digest.add(value);
                            }
                        } catch (UnencodableTextException e) {
                            throw new RangeReadException("column " + columns.get(i).name() + " of the row with key "
                                    + keyOf(rs) + " " + e.getMessage().replaceFirst("^field \\d+ ", ""),
                                    table.quotedSource(), range, rows, elapsedMillis(started), e);
                        }
                    }
                    writer.endRow();
                    if (digest != null) {
                        digest.endRow();
                    }
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new RangeReadException("read failed", table.quotedSource(), range, rows, elapsedMillis(started), e);
        } catch (java.io.IOException e) {
            throw new RangeReadException("handing rows to the COPY writer failed", table.quotedSource(), range, rows,
                    elapsedMillis(started), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RangeReadException("interrupted", table.quotedSource(), range, rows, elapsedMillis(started), e);
        }
    }

    /**
     * nchar, nvarchar, ntext (and sysname) arrive as UTF-16LE, which {@code getBytes} returns as sent: transcoding
     * those bytes straight to UTF-8 skips the driver's String decoding, the largest cost of text-heavy tables.
     */
    static boolean sentAsUtf16(Column column) {
        return UTF16_TYPES.contains(column.sourceType().name()) && switch (column.targetType().kind()) {
            case TEXT, VARCHAR, BPCHAR -> true;
            default -> false;
        };
    }

    private static void writeUtf16(ResultSet rs, int index, PgBinaryWriter writer) throws SQLException {
        byte[] raw = rs.getBytes(index);
        if (raw == null) {
            writer.writeNull();
        } else {
            writer.writeTextUtf16le(raw);
        }
    }

    /** The column as the Java object {@link PgBinaryWriter#writeValue} expects for the target kind. */
    static Object readValue(ResultSet rs, int index, PgColumnType type) throws SQLException {
        Object v = switch (type.kind()) {
            case BOOLEAN -> rs.getBoolean(index);
            case INT2 -> rs.getShort(index);
            case INT4 -> rs.getInt(index);
            case INT8 -> rs.getLong(index);
            case FLOAT4 -> rs.getFloat(index);
            case FLOAT8 -> rs.getDouble(index);
            case NUMERIC -> rs.getBigDecimal(index);
            case TEXT, VARCHAR, BPCHAR, XML -> rs.getString(index);
            case BYTEA -> rs.getBytes(index);
            // java.time getters: java.sql.Date/Timestamp would shift pre-1582 values through the Julian calendar
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMPTZ -> rs.getObject(index, OffsetDateTime.class);
            // uniqueidentifier's string form is the canonical order; its raw bytes are mixed-endian
            case UUID -> {
                String s = rs.getString(index);
                yield s == null ? null : UUID.fromString(s);
            }
        };
        return rs.wasNull() ? null : v;
    }

    private String keyOf(ResultSet rs) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String k : keyColumns) {
            parts.add(k + "=" + rs.getObject(k));
        }
        return parts.isEmpty() ? "(table has no key)" : "(" + String.join(", ", parts) + ")";
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
