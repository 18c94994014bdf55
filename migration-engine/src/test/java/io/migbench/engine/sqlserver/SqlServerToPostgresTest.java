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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL Server → PostgreSQL through the engine's own pipeline ({@link Migrator}: discovery, key-range plan, encoded
 * range reads, COPY, keys, checksums compared across engines). Runs only when {@code MIGBENCH_MSSQL_IMAGE} names a
 * SQL Server image the Docker engine can start (e.g. {@code mcr.microsoft.com/mssql/server:2022-latest}); otherwise,
 * or when the container cannot start, it is skipped with the reason, never failed: probing a registry-less engine
 * blocks minutes.
 */
class SqlServerToPostgresTest {
    private static final String IMAGE = System.getenv("MIGBENCH_MSSQL_IMAGE");
    private static final String DATABASE = "migbench_e2e";
    private static MSSQLServerContainer mssql;
    private static String sourceUrl;

    @BeforeAll
    static void startSqlServer() throws Exception {
        Assumptions.assumeTrue(IMAGE != null && !IMAGE.isBlank(),
                "MIGBENCH_MSSQL_IMAGE is not set: no SQL Server image to run the end-to-end test with");
        try {
            Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine available");
            mssql = new MSSQLServerContainer(IMAGE).acceptLicense();
            mssql.start();
        } catch (RuntimeException | LinkageError e) {
            Assumptions.abort("SQL Server image " + IMAGE + " cannot be started here: " + e.getMessage());
        }
        try (Connection c = mssql.createConnection(""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
            st.execute("ALTER DATABASE " + DATABASE + " SET ALLOW_SNAPSHOT_ISOLATION ON");
        }
        sourceUrl = mssql.getJdbcUrl() + ";databaseName=" + DATABASE;
        try (Connection c = DriverManager.getConnection(sourceUrl, mssql.getUsername(), mssql.getPassword());
             Statement st = c.createStatement()) {
            createStackOverflowShape(st);
            createTypesTable(st);
        }
    }

    /** Users, Posts, Votes, Comments, Badges, PostLinks with their real CamelCase columns, a few thousand rows. */
    private static void createStackOverflowShape(Statement st) throws Exception {
        String numbers = "WITH n AS (SELECT TOP (%d) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS i "
                + "FROM sys.all_objects a CROSS JOIN sys.all_objects b) ";
        st.execute("CREATE TABLE dbo.Users (Id int IDENTITY(1,1) CONSTRAINT PK_Users PRIMARY KEY, AboutMe nvarchar(max) NULL, "
                + "Age int NULL, CreationDate datetime NOT NULL, DisplayName nvarchar(40) NOT NULL, "
                + "Reputation int NOT NULL, WebsiteUrl nvarchar(200) NULL)");
        st.execute("SET IDENTITY_INSERT dbo.Users ON; " + numbers.formatted(500)
                + "INSERT INTO dbo.Users (Id, AboutMe, Age, CreationDate, DisplayName, Reputation, WebsiteUrl) "
                + "SELECT i, CASE WHEN i % 3 = 0 THEN N'<p>about ' + CAST(i AS nvarchar(10)) + N' ✓</p>' END, "
                + "CASE WHEN i % 5 = 0 THEN 20 + i % 40 END, DATEADD(minute, i, '2008-07-31T00:00:00.003'), "
                + "N'user' + CAST(i AS nvarchar(10)), i * 7 % 1000, NULL FROM n; SET IDENTITY_INSERT dbo.Users OFF");
        st.execute("CREATE TABLE dbo.Posts (Id int NOT NULL CONSTRAINT PK_Posts PRIMARY KEY, Body nvarchar(max) NOT NULL, "
                + "CreationDate datetime NOT NULL, OwnerUserId int NULL CONSTRAINT FK_Posts_Users REFERENCES dbo.Users(Id), "
                + "PostTypeId int NOT NULL, Score int NOT NULL, Tags nvarchar(150) NULL, Title nvarchar(250) NULL)");
        st.execute(numbers.formatted(1500) + "INSERT INTO dbo.Posts SELECT i, REPLICATE(N'body text 𝄞 ', 1 + i % 40), "
                + "DATEADD(second, i * 37, '2008-08-01'), CASE WHEN i % 11 = 0 THEN NULL ELSE 1 + i % 500 END, "
                + "1 + i % 2, i % 17 - 3, CASE WHEN i % 2 = 1 THEN N'<java><sql>' END, "
                + "CASE WHEN i % 2 = 1 THEN N'How do I ' + CAST(i AS nvarchar(10)) + N'?' END FROM n");
        st.execute("CREATE INDEX IX_Posts_Owner ON dbo.Posts (OwnerUserId) INCLUDE (Score)");
        st.execute("CREATE TABLE dbo.Votes (Id int NOT NULL CONSTRAINT PK_Votes PRIMARY KEY, PostId int NOT NULL, "
                + "UserId int NULL, BountyAmount int NULL, VoteTypeId int NOT NULL, CreationDate datetime NOT NULL)");
        st.execute(numbers.formatted(3000) + "INSERT INTO dbo.Votes SELECT i * 3, 1 + i % 1500, "
                + "CASE WHEN i % 5 = 0 THEN 1 + i % 500 END, CASE WHEN i % 50 = 0 THEN 50 END, 1 + i % 15, "
                + "DATEADD(minute, i, '2008-07-31') FROM n");
        st.execute("CREATE TABLE dbo.Comments (Id int NOT NULL CONSTRAINT PK_Comments PRIMARY KEY, "
                + "CreationDate datetime NOT NULL, PostId int NOT NULL, Score int NULL, Text nvarchar(700) NOT NULL, "
                + "UserId int NULL)");
        st.execute(numbers.formatted(2000) + "INSERT INTO dbo.Comments SELECT i, DATEADD(second, i, '2009-01-01'), "
                + "1 + i % 1500, CASE WHEN i % 4 = 0 THEN i % 9 END, N'comment ' + REPLICATE(N'x', i % 300), "
                + "CASE WHEN i % 100 = 0 THEN NULL ELSE 1 + i % 500 END FROM n");
        st.execute("CREATE TABLE dbo.Badges (Id int NOT NULL CONSTRAINT PK_Badges PRIMARY KEY, Name nvarchar(40) NOT NULL, "
                + "UserId int NOT NULL, Date datetime NOT NULL)");
        st.execute(numbers.formatted(800) + "INSERT INTO dbo.Badges SELECT i, CHOOSE(1 + i % 3, N'Student', N'Editor', "
                + "N'Yearling'), 1 + i % 500, DATEADD(hour, i, '2010-01-01') FROM n");
        // a text key orders differently under SQL Server's collation: the table is copied whole
        st.execute("CREATE TABLE dbo.PostLinks (LinkKey nvarchar(20) NOT NULL CONSTRAINT PK_PostLinks PRIMARY KEY, "
                + "CreationDate datetime NOT NULL, PostId int NOT NULL, RelatedPostId int NOT NULL, LinkTypeId int NOT NULL)");
        st.execute(numbers.formatted(600) + "INSERT INTO dbo.PostLinks SELECT CASE WHEN i % 2 = 0 THEN N'a' ELSE N'B' END "
                + "+ CAST(i AS nvarchar(10)), DATEADD(day, i, '2011-01-01'), 1 + i % 1500, 1 + i * 7 % 1500, "
                + "CASE WHEN i % 7 = 0 THEN 3 ELSE 1 END FROM n");
    }

    /** Every mapped type with edge values. */
    private static void createTypesTable(Statement st) throws Exception {
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
                + "'text', N'ntext ✓', 0x00FF0000, 0x0000, '0001-01-01', '23:59:59.9999999', '1753-01-01T00:00:00.003', "
                + "'9999-12-31T23:59:59.9999999', '2079-06-06T23:59:00', '2020-02-29T12:00:00.1234567+13:45', "
                + "'6F9619FF-8B86-D011-B42D-00C04FC964FF', N'<a b=\"1\">x</a>'), "
                + "(2, 0, 0, 0, -2147483648, -0.0000000001, 0, 0, 2.23E-308, 1.18E-38, '', N'', '', N'', NULL, NULL, NULL, "
                + "0x, 0x, '9999-12-31', '00:00:00', '9999-12-31T23:59:59.997', '0001-01-01T00:00:00', "
                + "'1900-01-01T00:00:00', '0001-01-01T00:00:00-14:00', NULL, NULL), "
                + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                + "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    @AfterAll
    static void stop() {
        if (mssql != null) {
            mssql.stop();
        }
    }

    private static MigrationOptions.Builder options(String targetUrl) {
        return MigrationOptions.builder()
                .source(new ConnectionSpec(sourceUrl, mssql.getUsername(), mssql.getPassword()))
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
        assertThat(tables).as("lower-cased target names").containsOnlyKeys("alltypes", "badges", "comments", "postlinks",
                "posts", "users", "votes");
        assertThat(tables.get("votes").rows()).isEqualTo(3000);
        assertThat(tables.get("votes").partitions()).as("split by key quantiles").isEqualTo(4);
        assertThat(tables.get("postlinks").partitions()).as("text key: copied whole").isEqualTo(1);
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
        }
    }

    @Test
    void nulCharactersFailNamingTheRowUnlessReplaced() throws Exception {
        try (Connection c = DriverManager.getConnection(sourceUrl, mssql.getUsername(), mssql.getPassword());
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
