package io.migbench.engine.sqlserver;

import io.migbench.engine.copy.binary.Chunk;
import io.migbench.engine.copy.binary.NulPolicy;
import io.migbench.engine.copy.binary.PgBinaryWriter;
import io.migbench.engine.copy.binary.PgColumnType;
import io.migbench.engine.copy.binary.bench.DiscardingSink;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TableName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The SQL Server read path against a real TDS server ({@code MIGBENCH_MSSQL_URL}, {@code _USER}, {@code _PASSWORD},
 * as for the SQL Server tests), on a Posts-shaped table of {@value #ROWS} rows (~800-character nvarchar(max) body)
 * in its own database {@code migbench_jmh}; ops = rows. Unlike the encoder benchmarks these include the server and
 * the loopback TDS stream, so read them side by side, not as absolutes:
 * <ul>
 *   <li>{@code driverGetters}: the range's SELECT with the getters the reader calls, values to a blackhole — what
 *   the server and mssql-jdbc deliver;</li>
 *   <li>{@code readerIntoEncoder}: {@link SqlServerRangeReader} into binary COPY with the chunks discarded — the
 *   same plus the reader's dispatch and the encoder. The gap between the two is migbench's own cost.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RangeReadBenchmark {
    static final int ROWS = 20_000;
    private static final String DATABASE = "migbench_jmh";

    private Connection connection;
    private MappedTable posts;
    private SqlServerRangeReader reader;
    private KeyRange whole;
    private PgBinaryWriter writer;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String url = System.getenv("MIGBENCH_MSSQL_URL");
        if (url == null) {
            throw new IllegalStateException("RangeReadBenchmark needs a TDS server: set MIGBENCH_MSSQL_URL, "
                    + "MIGBENCH_MSSQL_USER and MIGBENCH_MSSQL_PASSWORD (see docs/development.md)");
        }
        String user = System.getenv("MIGBENCH_MSSQL_USER");
        String password = System.getenv("MIGBENCH_MSSQL_PASSWORD");
        try (Connection admin = DriverManager.getConnection(url, user, password);
             Statement st = admin.createStatement()) {
            st.execute("IF DB_ID('" + DATABASE + "') IS NULL CREATE DATABASE " + DATABASE);
        }
        connection = new SqlServerConnections(url + ";databaseName=" + DATABASE, user, password,
                SourceIsolation.READ_COMMITTED).openForReading();
        createPosts(connection);
        SourceTables tables = new SourceTables();
        new SqlServerCatalog(connection, TypeOverrides.none(), IdentifierCase.LOWER, tables)
                .read(List.of("dbo"), new TableFilter(List.of("dbo.posts"), List.of()));
        posts = tables.get(new TableName("dbo", "posts"));
        reader = new SqlServerRangeReader(posts);
        whole = new KeyRange(List.of("Id"), null, null);
        writer = new PgBinaryWriter(reader.copiedColumns(), new DiscardingSink(), new Chunk(256 * 1024),
                NulPolicy.reject());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        connection.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void driverGetters(Blackhole bh) throws SQLException {
        List<SqlServerSchema.Column> columns = posts.source().columns();
        try (PreparedStatement ps = connection.prepareStatement(reader.selectSql(whole), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(SqlServerRangeReader.FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        PgColumnType type = columns.get(i).targetType();
                        bh.consume(SqlServerRangeReader.sentAsUtf16(columns.get(i)) ? rs.getBytes(i + 1)
                                : SqlServerRangeReader.readValue(rs, i + 1, type));
                    }
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long readerIntoEncoder() {
        return reader.read(connection, whole, writer, null);
    }

    /** StackOverflow's Posts columns with generated values; created once and kept between runs. */
    private static void createPosts(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT_BIG(*) FROM sys.tables WHERE name = 'posts'")) {
                rs.next();
                if (rs.getLong(1) == 1) {
                    return;
                }
            }
            st.execute("CREATE TABLE dbo.posts (Id int NOT NULL PRIMARY KEY, PostTypeId int NOT NULL, "
                    + "AcceptedAnswerId int NULL, ParentId int NULL, CreationDate datetime NOT NULL, Score int NOT NULL, "
                    + "ViewCount int NULL, Body nvarchar(max) NOT NULL, OwnerUserId int NULL, LastEditDate datetime NULL, "
                    + "Title nvarchar(250) NULL, Tags nvarchar(150) NULL, AnswerCount int NOT NULL, "
                    + "CommentCount int NOT NULL, FavoriteCount int NULL)");
            st.execute("WITH d(x) AS (SELECT x FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) v(x)), "
                    + "n(i) AS (SELECT TOP (" + ROWS + ") 1 + a.x + 10 * b.x + 100 * c.x + 1000 * e.x + 10000 * f.x "
                    + "FROM d a CROSS JOIN d b CROSS JOIN d c CROSS JOIN d e CROSS JOIN d f ORDER BY 1) "
                    + "INSERT INTO dbo.posts SELECT i, 1 + i % 2, CASE WHEN i % 3 = 0 THEN NULL ELSE i + 1 END, "
                    + "CASE WHEN i % 2 = 0 THEN i - 1 END, DATEADD(second, i * 97, '2008-07-31'), i % 50, "
                    + "CASE WHEN i % 2 = 1 THEN i * 7 END, "
                    + "REPLICATE(CAST(N'<p>the quick brown fox jumps over the lazy dog, café naïve 日本 ' AS nvarchar(max)), "
                    + "11 + i % 5), i % 1000, CASE WHEN i % 4 = 0 THEN DATEADD(day, 3, DATEADD(second, i * 97, '2008-07-31')) END, "
                    + "CASE WHEN i % 2 = 1 THEN N'How do I read rows faster, question ' + CAST(i AS nvarchar(10)) END, "
                    + "CASE WHEN i % 2 = 1 THEN N'<sql-server><postgresql><java>' END, i % 7, i % 11, "
                    + "CASE WHEN i % 5 = 0 THEN i % 13 END FROM n");
        }
    }
}
