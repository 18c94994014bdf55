package io.migbench.engine.sqlserver;

import io.migbench.engine.copy.binary.BoundedChunkPipe;
import io.migbench.engine.copy.binary.CopyInChunkWriter;
import io.migbench.engine.copy.binary.JavaRowDigest;
import io.migbench.engine.copy.binary.NulPolicy;
import io.migbench.engine.copy.binary.PgBinaryWriter;
import io.migbench.engine.testing.TestPostgres;
import io.migbench.engine.verify.RowDigestSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL Server → PostgreSQL through the schema reader, range planner, range reader, encoder, pipe and CopyIn, with
 * row counts and checksums compared across engines. Runs only when {@code MIGBENCH_MSSQL_IMAGE} names a SQL Server
 * image the Docker engine can start (e.g. {@code mcr.microsoft.com/mssql/server:2022-latest}); otherwise, or when the
 * container cannot start, it is skipped with the reason, never failed: probing a registry-less engine blocks minutes.
 */
class SqlServerToPostgresTest {
    private static final String IMAGE = System.getenv("MIGBENCH_MSSQL_IMAGE");
    private static MSSQLServerContainer mssql;

    @BeforeAll
    static void startSqlServer() {
        Assumptions.assumeTrue(IMAGE != null && !IMAGE.isBlank(),
                "MIGBENCH_MSSQL_IMAGE is not set: no SQL Server image to run the end-to-end test with");
        try {
            Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine available");
            mssql = new MSSQLServerContainer(IMAGE).acceptLicense();
            mssql.start();
        } catch (RuntimeException | LinkageError e) {
            Assumptions.abort("SQL Server image " + IMAGE + " cannot be started here: " + e.getMessage());
        }
    }

    @AfterAll
    static void stop() {
        if (mssql != null) {
            mssql.stop();
        }
    }

    @Test
    void copiesVotesShapedTableInRangesWithMatchingChecksums() throws Exception {
        try (Connection src = mssql.createConnection(""); Statement st = src.createStatement()) {
            st.execute("CREATE TABLE dbo.Votes (Id int PRIMARY KEY, PostId int NOT NULL, UserId int NULL, "
                    + "BountyAmount int NULL, VoteTypeId int NOT NULL, CreationDate datetime NOT NULL, "
                    + "Note nvarchar(40) NULL, Amount money NULL, Stamp datetimeoffset(7) NULL, G uniqueidentifier NULL)");
            st.execute("WITH n AS (SELECT TOP 3000 ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS i "
                    + "FROM sys.all_objects a CROSS JOIN sys.all_objects b) "
                    + "INSERT INTO dbo.Votes SELECT i * 3, i % 97, CASE WHEN i % 5 = 0 THEN NULL ELSE i END, "
                    + "CASE WHEN i % 50 = 0 THEN 50 END, i % 15, DATEADD(minute, i, '2008-07-31T00:00:00.003'), "
                    + "CASE WHEN i % 7 = 0 THEN NULL ELSE N'vote 😀 ' + CAST(i AS nvarchar(10)) END, i * 1.2345, "
                    + "TODATETIMEOFFSET(DATEADD(second, i, '2020-01-01T00:00:00.1234567'), '+05:45'), NEWID() FROM n");
        }
        SqlServerConnections connections = new SqlServerConnections(mssql.getJdbcUrl(), mssql.getUsername(),
                mssql.getPassword(), SourceIsolation.AUTO);
        String pgUrl = TestPostgres.newDatabase("from_mssql");
        try (Connection src = connections.openForReading(); Connection pg = TestPostgres.connect(pgUrl)) {
            SqlServerSchema.Table votes = new SqlServerSchemaReader(new SqlServerTypeMapping(TypeOverrides.none()),
                    IdentifierCase.LOWER).read(src, List.of(), List.of("vot*")).get(0);
            assertThat(votes.primaryKey()).containsExactly("Id");
            try (Statement st = pg.createStatement()) {
                st.execute("CREATE TABLE votes (" + String.join(", ", votes.columns().stream()
                        .map(c -> "\"" + c.targetName() + "\" " + c.targetType().sql()).toList()) + ")");
            }
            List<KeyRange> ranges = SqlServerRangePlanner.plan(src, votes.quotedSource(), votes.primaryKey(), 3000, 4);
            assertThat(ranges).hasSize(4);
            SqlServerRangeReader reader = new SqlServerRangeReader(votes, votes.primaryKey());
            JavaRowDigest digest = new JavaRowDigest(votes.columns().stream().map(SqlServerSchema.Column::targetType)
                    .toList(), NulPolicy.reject());
            long copied = 0;
            for (KeyRange range : ranges) {
                BoundedChunkPipe pipe = new BoundedChunkPipe(4, 64 * 1024);
                CopyIn copyIn = pg.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY votes FROM STDIN (FORMAT binary)");
                CompletableFuture<Long> producer = CompletableFuture.supplyAsync(() -> {
                    try {
                        PgBinaryWriter w = new PgBinaryWriter(votes.columns().size(), pipe, pipe.acquire(),
                                NulPolicy.reject());
                        long n = reader.read(src, range, w, digest);
                        w.finish();
                        return n;
                    } catch (Exception e) {
                        pipe.failProducer(e);
                        throw new IllegalStateException(e);
                    }
                });
                copied += CopyInChunkWriter.drain(pipe, copyIn);
                producer.get();
            }
            assertThat(copied).as("rows COPYed over all ranges, none twice").isEqualTo(3000);
            try (Statement st = pg.createStatement()) {
                for (String s : RowDigestSql.SESSION_SETTINGS) {
                    st.execute(s);
                }
                List<String> quoted = votes.columns().stream().map(c -> "\"" + c.targetName() + "\"").toList();
                try (ResultSet rs = st.executeQuery(RowDigestSql.countAndChecksum(quoted, "votes", null))) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(3000);
                    assertThat(new BigInteger(rs.getBigDecimal(2).toPlainString()))
                            .as("PostgreSQL checksum equals the digest computed while streaming from SQL Server")
                            .isEqualTo(digest.sum());
                }
            }
        }
    }
}
