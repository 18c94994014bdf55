package io.migbench.engine.copy.binary;

import io.migbench.engine.verify.RowDigestSql;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Test helper: encodes rows with {@link PgBinaryWriter} on one thread and COPYs them into a real PostgreSQL
 * table on another through a small {@link BoundedChunkPipe} (tiny chunks, so rows cross chunk boundaries
 * and chunks grow), hashing every row with {@link JavaRowDigest} on the way, as the SQL Server reader will.
 */
final class BinaryCopyFixture {
    record Result(long copiedRows, JavaRowDigest digest, List<String> javaRowTexts) {}

    private BinaryCopyFixture() {}

    static Result copy(Connection target, String quotedTable, List<PgColumnType> types, List<Object[]> rows,
                       NulPolicy nulPolicy) throws Exception {
        BoundedChunkPipe pipe = new BoundedChunkPipe(3, 64);
        CopyIn copyIn = target.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + quotedTable + " FROM STDIN (FORMAT binary)");
        JavaRowDigest digest = new JavaRowDigest(types, nulPolicy);
        List<String> texts = new ArrayList<>();
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                PgBinaryWriter w = new PgBinaryWriter(types.size(), pipe, pipe.acquire(), nulPolicy);
                for (Object[] row : rows) {
                    w.startRow();
                    digest.startRow();
                    for (int i = 0; i < row.length; i++) {
                        w.writeValue(types.get(i).kind(), row[i]);
                        digest.add(row[i]);
                    }
                    w.endRow();
                    texts.add(digest.rowText());
                    digest.endRow();
                }
                w.finish();
            } catch (Throwable e) {
                pipe.failProducer(e);
                throw new IllegalStateException(e);
            }
        });
        long copied;
        try {
            copied = CopyInChunkWriter.drain(pipe, copyIn);
        } catch (PipeClosedException e) {
            try {
                producer.get();
            } catch (ExecutionException ee) {
                throw (Exception) ee.getCause().getCause();
            }
            throw e;
        }
        producer.get();
        return new Result(copied, digest, texts);
    }

    /** PostgreSQL's count and checksum of the table, computed by the shared SQL. */
    static Object[] pgCountAndChecksum(Connection c, String quotedTable, List<String> quotedColumns)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : RowDigestSql.SESSION_SETTINGS) {
                st.execute(s);
            }
            try (ResultSet rs = st.executeQuery(RowDigestSql.countAndChecksum(quotedColumns, quotedTable, null))) {
                rs.next();
                return new Object[]{rs.getLong(1), new BigInteger(rs.getBigDecimal(2).toPlainString())};
            }
        }
    }

    /** PostgreSQL's canonical text of each row, ordered by the given column. */
    static List<String> pgRowTexts(Connection c, String quotedTable, List<String> quotedColumns, String orderBy)
            throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (String s : RowDigestSql.SESSION_SETTINGS) {
                st.execute(s);
            }
            try (ResultSet rs = st.executeQuery("SELECT " + RowDigestSql.rowText(quotedColumns) + " FROM "
                    + quotedTable + " ORDER BY " + orderBy)) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
        }
        return texts;
    }
}
