package io.migbench.engine.sqlserver;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.MigrationStatus;
import io.migbench.engine.Migrator;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.TableResult;
import io.migbench.engine.VerifyMode;
import io.migbench.engine.testing.TestPostgres;
import io.migbench.engine.testing.TdsCapabilities;
import io.migbench.engine.testing.TestTdsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL Server → PostgreSQL through the engine's own pipeline ({@link Migrator}: discovery, key-range plan, encoded
 * range reads, COPY, keys, checksums compared across engines) against the TDS server {@link TestTdsServer} names:
 * a running SQL Server or Babelfish ({@code MIGBENCH_MSSQL_URL}) or a SQL Server container
 * ({@code MIGBENCH_MSSQL_IMAGE}); skipped with the reason when there is none. Where Babelfish differs from SQL
 * Server the test data follows {@link TdsCapabilities}, the checks stay the same.
 */
class SqlServerToPostgresTest {
    private static TestTdsServer server;
    private static String sourceUrl;

    @BeforeAll
    static void createSource() throws Exception {
        server = TestTdsServer.start();
        sourceUrl = server.newDatabase("e2e");
        try (Connection c = server.connect(sourceUrl); Statement st = c.createStatement()) {
            createStackOverflowShape(st);
            createTypesTable(st, server.capabilities());
            createKeyShapes(st);
        }
    }

    /** Users, Posts, Votes, Comments, Badges, PostLinks with their real CamelCase columns, a few thousand rows. */
    private static void createStackOverflowShape(Statement st) throws Exception {
        st.execute("CREATE TABLE dbo.Users (Id int IDENTITY(1,1) CONSTRAINT PK_Users PRIMARY KEY, AboutMe nvarchar(max) NULL, "
                + "Age int NULL, CreationDate datetime NOT NULL, DisplayName nvarchar(40) NOT NULL, "
                + "Reputation int NOT NULL, WebsiteUrl nvarchar(200) NULL)");
        st.execute("SET IDENTITY_INSERT dbo.Users ON; " + numbers(500)
                + "INSERT INTO dbo.Users (Id, AboutMe, Age, CreationDate, DisplayName, Reputation, WebsiteUrl) "
                + "SELECT i, CASE WHEN i % 3 = 0 THEN N'<p>about ' + CAST(i AS nvarchar(10)) + N' ✓</p>' END, "
                + "CASE WHEN i % 5 = 0 THEN 20 + i % 40 END, DATEADD(minute, i, '2008-07-31T00:00:00.003'), "
                + "N'user' + CAST(i AS nvarchar(10)), i * 7 % 1000, NULL FROM n; SET IDENTITY_INSERT dbo.Users OFF");
        st.execute("CREATE TABLE dbo.Posts (Id int NOT NULL CONSTRAINT PK_Posts PRIMARY KEY, Body nvarchar(max) NOT NULL, "
                + "CreationDate datetime NOT NULL, OwnerUserId int NULL CONSTRAINT FK_Posts_Users REFERENCES dbo.Users(Id), "
                + "PostTypeId int NOT NULL, Score int NOT NULL, Tags nvarchar(150) NULL, Title nvarchar(250) NULL)");
        st.execute(numbers(1500) + "INSERT INTO dbo.Posts SELECT i, REPLICATE(N'body text 𝄞 ', 1 + i % 40), "
                + "DATEADD(second, i * 37, '2008-08-01'), CASE WHEN i % 11 = 0 THEN NULL ELSE 1 + i % 500 END, "
                + "1 + i % 2, i % 17 - 3, CASE WHEN i % 2 = 1 THEN N'<java><sql>' END, "
                + "CASE WHEN i % 2 = 1 THEN N'How do I ' + CAST(i AS nvarchar(10)) + N'?' END FROM n");
        st.execute("CREATE INDEX IX_Posts_Owner ON dbo.Posts (OwnerUserId) INCLUDE (Score)");
        st.execute("CREATE TABLE dbo.Votes (Id int NOT NULL CONSTRAINT PK_Votes PRIMARY KEY, PostId int NOT NULL, "
                + "UserId int NULL, BountyAmount int NULL, VoteTypeId int NOT NULL, CreationDate datetime NOT NULL)");
        st.execute(numbers(3000) + "INSERT INTO dbo.Votes SELECT i * 3, 1 + i % 1500, "
                + "CASE WHEN i % 5 = 0 THEN 1 + i % 500 END, CASE WHEN i % 50 = 0 THEN 50 END, 1 + i % 15, "
                + "DATEADD(minute, i, '2008-07-31') FROM n");
        st.execute("CREATE TABLE dbo.Comments (Id int NOT NULL CONSTRAINT PK_Comments PRIMARY KEY, "
                + "CreationDate datetime NOT NULL, PostId int NOT NULL, Score int NULL, Text nvarchar(700) NOT NULL, "
                + "UserId int NULL)");
        st.execute(numbers(2000) + "INSERT INTO dbo.Comments SELECT i, DATEADD(second, i, '2009-01-01'), "
                + "1 + i % 1500, CASE WHEN i % 4 = 0 THEN i % 9 END, N'comment ' + REPLICATE(N'x', i % 300), "
                + "CASE WHEN i % 100 = 0 THEN NULL ELSE 1 + i % 500 END FROM n");
        st.execute("CREATE TABLE dbo.Badges (Id int NOT NULL CONSTRAINT PK_Badges PRIMARY KEY, Name nvarchar(40) NOT NULL, "
                + "UserId int NOT NULL, Date datetime NOT NULL)");
        st.execute(numbers(800) + "INSERT INTO dbo.Badges SELECT i, CHOOSE(1 + i % 3, N'Student', N'Editor', "
                + "N'Yearling'), 1 + i % 500, DATEADD(hour, i, '2010-01-01') FROM n");
        // a text key orders differently under SQL Server's collation: the table is copied whole
        st.execute("CREATE TABLE dbo.PostLinks (LinkKey nvarchar(20) NOT NULL CONSTRAINT PK_PostLinks PRIMARY KEY, "
                + "CreationDate datetime NOT NULL, PostId int NOT NULL, RelatedPostId int NOT NULL, LinkTypeId int NOT NULL)");
        st.execute(numbers(600) + "INSERT INTO dbo.PostLinks SELECT CASE WHEN i % 2 = 0 THEN N'a' ELSE N'B' END "
                + "+ CAST(i AS nvarchar(10)), DATEADD(day, i, '2011-01-01'), 1 + i % 1500, 1 + i * 7 % 1500, "
                + "CASE WHEN i % 7 = 0 THEN 3 ELSE 1 END FROM n");
    }

    /** {@code WITH n(i)}: the numbers 1..count, for INSERT ... SELECT; only VALUES, so any TDS server has it. */
    private static final String NUMBERS = "WITH d(x) AS (SELECT x FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) v(x)), "
            + "n(i) AS (SELECT TOP (%d) 1 + a.x + 10 * b.x + 100 * c.x + 1000 * e.x + 10000 * f.x "
            + "FROM d a CROSS JOIN d b CROSS JOIN d c CROSS JOIN d e CROSS JOIN d f ORDER BY 1) ";

    private static String numbers(int count) {
        return NUMBERS.formatted(count);
    }

    /** Every mapped type with edge values; the time types as precise as the server keeps them. */
    private static void createTypesTable(Statement st, TdsCapabilities can) throws Exception {
        if (can.babelfish()) {
            // Babelfish refuses rowversion unless this session's escape hatch lets it through (as bytea-like)
            st.execute("EXEC sp_babelfish_configure 'escape_hatch_rowversion', 'ignore'");
        }
        st.execute("CREATE TABLE dbo.AllTypes (Id bigint NOT NULL PRIMARY KEY, B bit NULL, TI tinyint NULL, SI smallint NULL, "
                + "I int NULL, D decimal(38,10) NULL, M money NULL, SM smallmoney NULL, F float NULL, R real NULL, "
                + "C char(5) NULL, NC nchar(3) NULL, VC varchar(30) NULL, NV nvarchar(30) NULL, NVM nvarchar(max) NULL, "
                + "T text NULL, NT ntext NULL, BI binary(4) NULL, VB varbinary(max) NULL, D1 date NULL, T7 time(7) NULL, "
                + "DT datetime NULL, DT2 datetime2(7) NULL, SDT smalldatetime NULL, DTO datetimeoffset(7) NULL, "
                + "U uniqueidentifier NULL, X xml NULL, RV rowversion)");
        st.execute("INSERT INTO dbo.AllTypes (Id, B, TI, SI, I, D, M, SM, F, R, C, NC, VC, NV, NVM, T, NT, BI, VB, D1, T7, "
                + "DT, DT2, SDT, DTO, U, X) VALUES "
                + "(1, 1, 255, -32768, 2147483647, 1234567890123456789012345678.0123456789, 922337203685477.5807, "
                + "-214748.3648, 1.7976931348623157E308, -3.4E38, 'ab', N'ü', 'plain', N'𝄞 outside BMP', N'', "
                + "'text', N'ntext ✓', 0x00FF0000, 0x0000, '0001-01-01', '" + can.maxFraction("23:59:59") + "', '1753-01-01T00:00:00.003', "
                + "'" + can.maxFraction("9999-12-31T23:59:59") + "', '2079-06-06T23:59:00', "
                + "'2020-02-29T12:00:00.123456" + (can.fractionalDigits() > 6 ? "7" : "") + "+13:45', "
                + "'6F9619FF-8B86-D011-B42D-00C04FC964FF', N'<a b=\"1\">x</a>'), "
                + "(2, 0, 0, 0, -2147483648, -0.0000000001, 0, 0, 2.23E-308, 1.18E-38, '', N'', '', N'', NULL, NULL, NULL, "
                + "0x, 0x, '9999-12-31', '00:00:00', '9999-12-31T23:59:59.997', '0001-01-01T00:00:00', "
                + "'1900-01-01T00:00:00', '0001-01-01T00:00:00-14:00', NULL, NULL), "
                + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                + "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    /** Keys of every kind the planner treats differently, and a heap with duplicate rows. */
    private static void createKeyShapes(Statement st) throws Exception {
        // uniqueidentifier sorts by its last bytes first in SQL Server: copied whole
        st.execute("CREATE TABLE dbo.Sessions (Token uniqueidentifier NOT NULL PRIMARY KEY, UserId int NOT NULL, "
                + "Agent nvarchar(100) NULL)");
        st.execute(numbers(700) + "INSERT INTO dbo.Sessions SELECT CAST(HASHBYTES('MD5', CAST(i AS varchar(10))) AS "
                + "uniqueidentifier), i % 97, CASE WHEN i % 3 = 0 THEN NULL ELSE N'agent ' + CAST(i AS nvarchar(10)) END FROM n");
        st.execute("CREATE TABLE dbo.Readings (SensorId int NOT NULL, TakenAt datetime NOT NULL, Value float NOT NULL, "
                + "CONSTRAINT PK_Readings PRIMARY KEY (SensorId, TakenAt))");
        st.execute(numbers(2400) + "INSERT INTO dbo.Readings SELECT i % 6, DATEADD(second, i * 13, '2015-03-01T00:00:00.003'), "
                + "SQRT(i) FROM n");
        st.execute("CREATE TABLE dbo.Ticks (At datetime2(6) NOT NULL PRIMARY KEY, Price decimal(18,6) NOT NULL)");
        st.execute(numbers(1800) + "INSERT INTO dbo.Ticks SELECT DATEADD(microsecond, i * 7, DATEADD(second, i, "
                + "CAST('2020-01-01T00:00:00' AS datetime2(6)))), i / 7.0 FROM n");
        // no key at all, rows repeated: copied whole, every duplicate kept
        st.execute("CREATE TABLE dbo.Loose (Note nvarchar(50) NULL, Amount int NULL)");
        st.execute(numbers(900) + "INSERT INTO dbo.Loose SELECT CASE WHEN i % 10 = 0 THEN NULL ELSE N'note ' "
                + "+ CAST(i % 30 AS nvarchar(10)) END, i % 4 FROM n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static MigrationOptions.Builder options(String targetUrl) {
        return MigrationOptions.builder()
                .source(new ConnectionSpec(sourceUrl, server.user(), server.password()))
                .target(new ConnectionSpec(targetUrl, TestPostgres.USER, TestPostgres.PASSWORD))
                .tasks(3).partitions(4).partitionThresholdRows(100).split(SplitStrategy.KEY);
    }

    @Test
    void migratesStackOverflowShapeAndEveryTypeWithMatchingChecksums() throws Exception {
        String target = TestPostgres.newDatabase("from_mssql");
        MigrationResult r = Migrator.migrate(options(target).verify(VerifyMode.CHECKSUM).build());

        assertThat(r.status()).as("status, error: %s", r.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(r.sourceServerVersion()).startsWith("SQL Server");
        Map<String, TableResult> tables = r.tables().stream().collect(Collectors.toMap(TableResult::table, Function.identity()));
        assertThat(tables).as("lower-cased target names").containsOnlyKeys("alltypes", "badges", "comments", "loose",
                "postlinks", "posts", "readings", "sessions", "ticks", "users", "votes");
        assertThat(tables.get("votes").rows()).isEqualTo(3000);
        assertThat(tables.get("votes").partitions()).as("split by key quantiles").isEqualTo(4);
        assertThat(tables.get("postlinks").partitions()).as("text key: copied whole").isEqualTo(1);
        assertThat(tables.get("sessions").partitions()).as("uuid key: copied whole").isEqualTo(1);
        assertThat(tables.get("loose").partitions()).as("no key: copied whole").isEqualTo(1);
        assertThat(tables.get("readings").partitions()).as("key with a datetime (1/300 s ticks): copied whole")
                .isEqualTo(1);
        assertThat(tables.get("ticks").partitions()).as("datetime2 key").isEqualTo(4);
        assertThat(r.tables()).allSatisfy(t -> {
            assertThat(t.checksumMatch()).as("checksum of %s", t.table()).isTrue();
            assertThat(t.targetRows()).as("rows of %s", t.table()).isEqualTo(t.sourceRows());
        });
        try (Connection pg = TestPostgres.connect(target); Statement st = pg.createStatement()) {
            assertThat(count(st, "SELECT count(*) FROM dbo.votes")).isEqualTo(3000);
            assertThat(count(st, "SELECT count(*) FROM pg_constraint WHERE conname IN ('pk_votes', 'fk_posts_users')"))
                    .as("keys built after the data").isEqualTo(2);
            assertThat(count(st, "SELECT nextval(pg_get_serial_sequence('dbo.users', 'id'))"))
                    .as("identity continues after the copied maximum").isEqualTo(501);
            try (ResultSet rs = st.executeQuery("SELECT dto::text, dt2::text, nv FROM dbo.alltypes WHERE id = 1")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("2020-02-28 22:15:00.123456+00");
                assertThat(rs.getString(2)).isEqualTo("9999-12-31 23:59:59.999999");
                assertThat(rs.getString(3)).isEqualTo("𝄞 outside BMP");
            }
            for (String table : tables.keySet()) {
                assertThat(count(st, "SELECT count(*) FROM dbo." + table)).as("rows of %s, counted in both databases", table)
                        .isEqualTo(sourceLong("SELECT COUNT_BIG(*) FROM dbo.[" + table + "]"));
            }
            assertThat(column(st, "SELECT r FROM (SELECT coalesce(note, '-') || '|' || amount || '|' || count(*) AS r "
                    + "FROM dbo.loose GROUP BY note, amount) q ORDER BY r COLLATE \"C\""))
                    .as("every duplicate of the keyless table")
                    .isEqualTo(sourceColumn("SELECT COALESCE(Note, N'-') + N'|' + CAST(Amount AS nvarchar(10)) + N'|' "
                            + "+ CAST(COUNT(*) AS nvarchar(10)) FROM dbo.Loose GROUP BY Note, Amount").stream()
                            .sorted().toList());
        }
    }

    /**
     * Babelfish keeps a T-SQL database's {@code dbo} as the PostgreSQL schema {@code <db>_dbo}: an md5 of every row
     * there, each column cast to its target type, against the same over the target is a check independent of the
     * engine's reader, encoder and checksums.
     */
    @Test
    void everyRowMatchesBabelfishsOwnPostgresSide() throws Exception {
        String pgSide = server.babelfishPostgresUrl();
        Assumptions.assumeTrue(pgSide != null, "needs Babelfish and MIGBENCH_BABELFISH_PG_URL (its PostgreSQL side)");
        String target = TestPostgres.newDatabase("from_bbf");
        MigrationResult r = Migrator.migrate(options(target).build());
        assertThat(r.status()).as("status, error: %s", r.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        String sourceSchema = sourceUrl.replaceAll(".*databaseName=", "") + "_dbo";
        try (Connection pg = TestPostgres.connect(target); Statement st = pg.createStatement();
             Connection bbf = server.connect(pgSide); Statement bst = bbf.createStatement()) {
            for (TableResult t : r.tables()) {
                List<String[]> columns = new java.util.ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                        + "WHERE attrelid = 'dbo." + t.table() + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
                    while (rs.next()) {
                        columns.add(new String[]{rs.getString(1), rs.getString(2)});
                    }
                }
                String targetRows = columns.stream().map(c -> "\"" + c[0] + "\"").collect(Collectors.joining(", "));
                String sourceRows = columns.stream().map(c -> BabelfishCasts.toTarget("\"" + c[0] + "\"", c[1]))
                        .collect(Collectors.joining(", "));
                String digest = "SELECT md5(coalesce(string_agg(md5(r), '' ORDER BY md5(r) COLLATE \"C\"), '')) "
                        + "FROM (SELECT ROW(%s)::text AS r FROM %s) q";
                assertThat(one(bst, digest.formatted(sourceRows, "\"" + sourceSchema + "\".\"" + t.table() + "\"")))
                        .as("md5 of every row of %s (columns %s)", t.table(), targetRows)
                        .isEqualTo(one(st, digest.formatted(targetRows, "dbo.\"" + t.table() + "\"")));
            }
        }
    }

    private static String one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> column(Statement st, String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static long sourceLong(String sql) throws Exception {
        try (Connection c = server.connect(sourceUrl); Statement st = c.createStatement()) {
            return Long.parseLong(one(st, sql));
        }
    }

    private static List<String> sourceColumn(String sql) throws Exception {
        try (Connection c = server.connect(sourceUrl); Statement st = c.createStatement()) {
            return column(st, sql);
        }
    }

    @Test
    void nulCharactersFailNamingTheRowUnlessReplaced() throws Exception {
        Assumptions.assumeTrue(server.capabilities().storesNul(), "this TDS server cannot store NUL characters");
        try (Connection c = server.connect(sourceUrl);
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA nul");
            st.execute("CREATE TABLE nul.Notes (Id int PRIMARY KEY, Body nvarchar(20) NOT NULL)");
            st.execute("INSERT INTO nul.Notes VALUES (1, N'fine'), (2, N'a' + NCHAR(0) + N'b')");
        }
        MigrationResult failed = Migrator.migrate(options(TestPostgres.newDatabase("mssql_nul")).schemas(java.util.List.of("nul"))
                .build());
        assertThat(failed.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(failed.errorMessage()).contains("Id=2").contains("NUL");

        String target = TestPostgres.newDatabase("mssql_nul_ok");
        MigrationResult replaced = Migrator.migrate(options(target).schemas(java.util.List.of("nul")).nulReplacement("?")
                .verify(VerifyMode.CHECKSUM).build());
        assertThat(replaced.status()).as(String.valueOf(replaced.errorMessage())).isEqualTo(MigrationStatus.SUCCEEDED);
        try (Connection pg = TestPostgres.connect(target); Statement st = pg.createStatement();
             ResultSet rs = st.executeQuery("SELECT body FROM nul.notes WHERE id = 2")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("a?b");
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
