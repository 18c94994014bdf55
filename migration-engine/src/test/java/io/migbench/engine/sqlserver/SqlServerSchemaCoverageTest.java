package io.migbench.engine.sqlserver;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.MigrationStatus;
import io.migbench.engine.Migrator;
import io.migbench.engine.TableResult;
import io.migbench.engine.VerifyMode;
import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.testing.TdsCapabilities;
import io.migbench.engine.testing.TestPostgres;
import io.migbench.engine.testing.TestTdsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A T-SQL corpus of what users expect to find after a migration (identity with seed 1000 and increment 5 whose last
 * value is past the copied rows, a sequence, CHECK, UNIQUE and foreign keys with actions, defaults of several kinds,
 * computed columns persisted and not, a filtered index) and of what cannot come along (a view, a procedure, a
 * function, a trigger, text comparisons, a CONVERT style), migrated from the TDS server {@link TestTdsServer} names
 * and checked by this test's own queries on the target's catalog and rows (against Babelfish's PostgreSQL side where
 * it is one), not by the engine's verifier alone. Skipped with the reason when there is no TDS server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlServerSchemaCoverageTest {
    /** Tests that insert into the target (drawing identity and sequence values) run after those that read it. */
    private static final int WRITES = Integer.MAX_VALUE - 10;

    private static TestTdsServer server;
    private static String sourceUrl;
    private static String target;
    private static MigrationResult result;

    @BeforeAll
    static void migrateCorpus() throws Exception {
        server = TestTdsServer.start();
        sourceUrl = server.newDatabase("schema");
        try (Connection c = server.connect(sourceUrl); Statement st = c.createStatement()) {
            for (String ddl : CORPUS) {
                st.execute(ddl);
            }
            if (server.capabilities().indexFilters()) {
                // a server that hides the filter would have the engine build it unfiltered, a stricter index
                st.execute("CREATE UNIQUE INDEX UX_OrderLines_Shipped ON dbo.OrderLines (CustomerId, Shipped) "
                        + "WHERE Shipped IS NOT NULL");
            }
        }
        target = TestPostgres.newDatabase("mssql_schema");
        result = Migrator.migrate(MigrationOptions.builder()
                .source(new ConnectionSpec(sourceUrl, server.user(), server.password()))
                .target(new ConnectionSpec(target, TestPostgres.USER, TestPostgres.PASSWORD))
                .tasks(2).verify(VerifyMode.CHECKSUM).build());
    }

    private static final List<String> CORPUS = List.of(
            "CREATE SEQUENCE dbo.RefNo AS int START WITH 500 INCREMENT BY 10",
            "CREATE SEQUENCE dbo.Unused AS bigint START WITH 7 INCREMENT BY -1 MINVALUE -100 MAXVALUE 100 CYCLE",
            """
            CREATE TABLE dbo.Customers (
              Id int IDENTITY(1000, 5) CONSTRAINT PK_Customers PRIMARY KEY,
              Email nvarchar(100) NOT NULL CONSTRAINT UQ_Customers_Email UNIQUE,
              Name nvarchar(50) NOT NULL,
              Status nvarchar(10) NOT NULL CONSTRAINT DF_Customers_Status DEFAULT N'new'
                CONSTRAINT CK_Customers_Status CHECK (Status IN (N'new', N'active')),
              Credit decimal(10, 2) NOT NULL CONSTRAINT DF_Customers_Credit DEFAULT 0
                CONSTRAINT CK_Customers_Credit CHECK (Credit >= 0),
              Vip bit NOT NULL CONSTRAINT DF_Customers_Vip DEFAULT 1,
              Joined datetime2(3) NOT NULL CONSTRAINT DF_Customers_Joined DEFAULT SYSDATETIME(),
              Token uniqueidentifier NOT NULL CONSTRAINT DF_Customers_Token DEFAULT NEWID(),
              Host nvarchar(128) NULL CONSTRAINT DF_Customers_Host DEFAULT HOST_NAME(),
              Ref int NULL CONSTRAINT DF_Customers_Ref DEFAULT (NEXT VALUE FOR dbo.RefNo))""",
            // 20 rows take 1000..1095 and the sequence 500..690; the last 3 are deleted: SQL Server's next id is 1100
            "INSERT INTO dbo.Customers (Email, Name, Credit) SELECT TOP (20) CONCAT(N'c', v.n, N'@example.com'), "
                    + "CONCAT(N'Customer ''', v.n, N''' Ünïcødé'), v.n * 1.5 FROM (SELECT ROW_NUMBER() OVER (ORDER BY "
                    + "(SELECT NULL)) AS n FROM sys.all_columns) v",
            "DELETE FROM dbo.Customers WHERE Id > 1080",
            """
            CREATE TABLE dbo.OrderLines (
              Id bigint IDENTITY(1, 1) CONSTRAINT PK_OrderLines PRIMARY KEY,
              CustomerId int NOT NULL CONSTRAINT FK_OrderLines_Customers REFERENCES dbo.Customers (Id) ON DELETE CASCADE,
              Qty int NOT NULL CONSTRAINT CK_OrderLines_Qty CHECK (Qty > 0),
              Price decimal(10, 2) NOT NULL,
              Shipped date NULL,
              Total AS (Qty * Price) PERSISTED,
              Doubled AS (Qty * 2),
              ShipYear AS (YEAR(Shipped)),
              PerUnit AS (CAST(Price / Qty AS decimal(12, 4))),
              CONSTRAINT CK_OrderLines_Window CHECK (Shipped IS NULL OR Shipped >= '2000-01-01'))""",
            "INSERT INTO dbo.OrderLines (CustomerId, Qty, Price, Shipped) SELECT c.Id, 1 + c.Id % 7, c.Id / 100.0, "
                    + "CASE WHEN c.Id % 3 = 0 THEN NULL ELSE DATEADD(day, c.Id, '2019-12-31') END FROM dbo.Customers c",
            "CREATE VIEW dbo.CustomerTotals AS SELECT c.Id, SUM(l.Total) AS Total FROM dbo.Customers c "
                    + "JOIN dbo.OrderLines l ON l.CustomerId = c.Id GROUP BY c.Id",
            "CREATE PROCEDURE dbo.AddCustomer @email nvarchar(100) AS INSERT INTO dbo.Customers (Email, Name) VALUES (@email, @email)",
            "CREATE FUNCTION dbo.Twice (@x int) RETURNS int AS BEGIN RETURN @x * 2 END",
            "CREATE TRIGGER TR_Customers_Touch ON dbo.Customers AFTER UPDATE AS SET NOCOUNT ON");

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCorpusMigratesAndVerifiesByChecksum() {
        assertThat(result.status()).as("status, error: %s", result.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(result.tables()).extracting(TableResult::table).containsExactlyInAnyOrder("customers", "orderlines");
        assertThat(result.tables()).allSatisfy(t -> assertThat(t.checksumMatch()).as("checksum of %s", t.table()).isTrue());
    }

    @Test
    @Order(WRITES)
    void identityStartsStepsAndContinuesWhereTheSourceWould() throws Exception {
        assertThat(targetColumn("SELECT column_name || ' ' || identity_start || ' ' || identity_increment || ' '"
                + " || identity_minimum || ' ' || identity_maximum FROM information_schema.columns"
                + " WHERE table_schema = 'dbo' AND is_identity = 'YES' ORDER BY table_name")).containsExactly(
                "id 1000 5 -2147483648 2147483647", "id 1 1 -9223372036854775808 9223372036854775807");
        long sourceNext = Long.parseLong(sourceOne("SELECT IDENT_CURRENT('dbo.Customers') + IDENT_INCR('dbo.Customers')"));
        assertThat(sourceNext).as("the source's next id: its last value 1095, not the copied maximum 1080").isEqualTo(1100);
        try (Connection pg = TestPostgres.connect(target); Statement st = pg.createStatement()) {
            pg.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery("INSERT INTO dbo.customers (email, name) VALUES ('new@example.com', 'n')"
                    + " RETURNING id, status, credit, vip, joined > localtimestamp - interval '1 hour', token IS NOT NULL, ref")) {
                rs.next();
                assertThat(rs.getLong(1)).as("next id as in the source").isEqualTo(sourceNext);
                assertThat(rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4) + " " + rs.getBoolean(5) + " "
                        + rs.getBoolean(6)).as("the translated defaults").isEqualTo("new 0.00 true true true");
                if (server.capabilities().sequenceCatalog()) {
                    assertThat(rs.getLong(7)).as("the sequence continues after the source's last value")
                            .isEqualTo(Long.parseLong(sourceOne("SELECT CONVERT(bigint, current_value) FROM sys.sequences"
                                    + " WHERE name = 'RefNo'")) + 10);
                } else {
                    assertThat(rs.getObject(7)).as("no default: the sequence is not migrated").isNull();
                }
            }
            pg.rollback();
        }
    }

    @Test
    void constraintsAreThereAsInTheSource() {
        assertThat(targetColumn("SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                + " || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END FROM pg_constraint"
                + " WHERE connamespace = 'dbo'::regnamespace ORDER BY 1")).containsExactly(
                "dbo.customers ck_customers_credit CHECK ((credit >= (0)::numeric))",
                "dbo.customers pk_customers PRIMARY KEY (id)",
                "dbo.customers uq_customers_email UNIQUE (email)",
                "dbo.orderlines ck_orderlines_qty CHECK ((qty > 0))",
                "dbo.orderlines ck_orderlines_window CHECK (((shipped IS NULL) OR (shipped >= '2000-01-01'::date)))",
                "dbo.orderlines fk_orderlines_customers FOREIGN KEY (customerid) REFERENCES dbo.customers(id) ON DELETE CASCADE",
                "dbo.orderlines pk_orderlines PRIMARY KEY (id)");
    }

    @Test
    void aFilteredIndexKeepsItsFilter() {
        Assumptions.assumeTrue(server.capabilities().indexFilters(), "this TDS server's sys.indexes shows no index filters");
        assertThat(targetColumn("SELECT indexdef FROM pg_indexes WHERE schemaname = 'dbo' AND indexdef LIKE '% WHERE %'"))
                .singleElement().asString()
                .matches("CREATE UNIQUE INDEX ux_orderlines_shipped\\S* ON dbo\\.orderlines USING btree \\(customerid, shipped\\)"
                        + " NULLS NOT DISTINCT WHERE \\(shipped IS NOT NULL\\)");
    }

    @Test
    void defaultsTranslateAndComputedColumnsAreGeneratedWhereTheirExpressionDoes() {
        List<String> expected = new ArrayList<>(List.of(
                "customers.status DEFAULT 'new'::character varying",
                "customers.credit DEFAULT 0",
                "customers.vip DEFAULT true",
                "customers.joined DEFAULT LOCALTIMESTAMP",
                "customers.token DEFAULT gen_random_uuid()",
                "customers.ref DEFAULT nextval('dbo.refno'::regclass)",
                "orderlines.total GENERATED ((qty)::numeric * price)",
                "orderlines.doubled GENERATED (qty * 2)",
                "orderlines.shipyear GENERATED (EXTRACT(year FROM shipped))::integer"));
        if (!server.capabilities().sequenceCatalog()) {
            expected.remove("customers.ref DEFAULT nextval('dbo.refno'::regclass)");
        }
        assertThat(targetColumn("SELECT c.relname || '.' || a.attname || ' ' || CASE a.attgenerated WHEN 's' THEN 'GENERATED '"
                + " ELSE 'DEFAULT ' END || pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid"
                + " JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                + " WHERE c.relnamespace = 'dbo'::regnamespace ORDER BY c.relname, a.attnum")).containsExactlyElementsOf(expected);
        assertThat(targetColumn("SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'dbo.orderlines'::regclass AND attname = 'perunit'"))
                .as("a computed column whose expression does not translate holds the copied values")
                .containsExactly("perunit numeric(12,4)");
    }

    @Test
    void sequencesStartStepAndContinueAsInTheSource() {
        Assumptions.assumeTrue(server.capabilities().sequenceCatalog(), "this TDS server's sys.sequences lists no sequences");
        assertThat(targetColumn("SELECT sequencename || ' ' || data_type || ' ' || start_value || ' ' || increment_by || ' '"
                + " || min_value || ' ' || max_value || ' ' || cycle || ' ' || coalesce(last_value::text, 'unused')"
                + " FROM pg_sequences WHERE schemaname = 'dbo' AND sequencename IN ('refno', 'unused') ORDER BY 1"))
                .containsExactly("refno integer 500 10 -2147483648 2147483647 false 690",
                        "unused bigint 7 -1 -100 100 true unused");
    }

    @Test
    void whatDoesNotTranslateIsListedOnceByKindWithTheReason() {
        TdsCapabilities can = server.capabilities();
        List<String> expected = new ArrayList<>(List.of("VIEW dbo.CustomerTotals", "PROCEDURE dbo.AddCustomer",
                "FUNCTION dbo.Twice", "TRIGGER TR_Customers_Touch on dbo.Customers", "COLUMN_DEFAULT dbo.Customers.Host",
                "COMPUTED_COLUMN dbo.OrderLines.PerUnit", "CHECK CK_Customers_Status on dbo.Customers"));
        if (!can.sequenceCatalog()) {
            expected.addAll(List.of("SEQUENCE dbo.RefNo", "SEQUENCE dbo.Unused", "COLUMN_DEFAULT dbo.Customers.Ref"));
        }
        // T-SQL names are case-insensitive; Babelfish shows them lower-cased
        assertThat(result.notMigrated()).extracting(n -> (n.kind() + " " + n.name()).toLowerCase(Locale.ROOT))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
        assertThat(result.notMigrated()).filteredOn(n -> n.kind() == NotMigrated.Kind.CHECK).singleElement()
                .extracting(NotMigrated::reason).asString().satisfies(reason -> {
                    if (can.inListCheckDefinitions()) {
                        assertThat(reason).startsWith("CHECK (").contains("compares text");
                    } else {
                        assertThat(reason).isEqualTo("its definition is not readable from this server's catalog");
                    }
                });
        assertThat(result.notMigrated()).filteredOn(n -> n.kind() == NotMigrated.Kind.COMPUTED_COLUMN).singleElement()
                .extracting(NotMigrated::reason).asString().contains("decimal division").endsWith("; its values are copied");
        assertThat(result.notMigratedSummary().toLowerCase(Locale.ROOT)).startsWith(("not migrated: 1 function (dbo.Twice), "
                + "1 procedure (dbo.AddCustomer), 1 trigger (TR_Customers_Touch on dbo.Customers), "
                + "1 view (dbo.CustomerTotals [T-SQL, not translated]), ").toLowerCase(Locale.ROOT));
    }

    /**
     * Every row by an md5 of its text in a fixed order, on the target and on Babelfish's own PostgreSQL side (each
     * column cast to its target type), so the copied and the generated values are checked independently.
     */
    @Test
    void everyRowMatchesBabelfishsOwnPostgresSide() throws Exception {
        String pgSide = server.babelfishPostgresUrl();
        Assumptions.assumeTrue(pgSide != null, "needs Babelfish and MIGBENCH_BABELFISH_PG_URL (its PostgreSQL side)");
        String sourceSchema = sourceUrl.replaceAll(".*databaseName=", "") + "_dbo";
        try (Connection pg = TestPostgres.connect(target); Statement st = pg.createStatement();
             Connection bbf = server.connect(pgSide); Statement bst = bbf.createStatement()) {
            for (String table : List.of("customers", "orderlines")) {
                List<String[]> columns = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                        + "WHERE attrelid = 'dbo." + table + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
                    while (rs.next()) {
                        columns.add(new String[]{rs.getString(1), rs.getString(2)});
                    }
                }
                String digest = "SELECT count(*) || ':' || md5(string_agg(r, E'\\n' ORDER BY r COLLATE \"C\")) "
                        + "FROM (SELECT ROW(%s)::text AS r FROM %s) q";
                String targetRows = columns.stream().map(c -> "\"" + c[0] + "\"").collect(Collectors.joining(", "));
                String sourceRows = columns.stream().map(c -> BabelfishCasts.toTarget("\"" + c[0] + "\"", c[1]))
                        .collect(Collectors.joining(", "));
                assertThat(one(bst, digest.formatted(sourceRows, "\"" + sourceSchema + "\".\"" + table + "\"")))
                        .as("rows of %s", table).isEqualTo(one(st, digest.formatted(targetRows, "dbo." + table)));
            }
        }
    }

    @Test
    @Order(WRITES + 1)
    void theTranslatedChecksAndKeysRejectWhatTheSourceRejects() throws Exception {
        try (Connection pg = TestPostgres.connect(target); Statement st = pg.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO dbo.orderlines (customerid, qty, price) VALUES (1000, 0, 1)"))
                    .hasMessageContaining("ck_orderlines_qty");
            assertThatThrownBy(() -> st.execute("INSERT INTO dbo.customers (email, name) VALUES ('c1@example.com', 'dup')"))
                    .hasMessageContaining("uq_customers_email");
            if (server.capabilities().indexFilters()) {
                assertThatThrownBy(() -> st.execute("INSERT INTO dbo.orderlines (customerid, qty, price, shipped)"
                        + " SELECT customerid, 1, 1, shipped FROM dbo.orderlines WHERE shipped IS NOT NULL LIMIT 1"))
                        .as("the filtered unique index").hasMessageContaining("ux_orderlines_shipped");
            }
        }
        try (Connection c = server.connect(sourceUrl); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO dbo.OrderLines (CustomerId, Qty, Price) VALUES (1000, 0, 1)"))
                    .as("the same row in the source").isInstanceOf(SQLException.class);
        }
    }

    private static List<String> targetColumn(String sql) {
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String sourceOne(String sql) throws SQLException {
        try (Connection c = server.connect(sourceUrl); Statement st = c.createStatement()) {
            return one(st, sql);
        }
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
