package io.migbench.engine.sqlserver;

import io.migbench.engine.TargetMode;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.RangeSql;
import io.migbench.engine.schema.ConstraintDef;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TargetFinalizer;
import io.migbench.engine.schema.TargetSchemaWriter;
import io.migbench.engine.sqlserver.SqlServerSchema.Table;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQL Server catalog rows → the engine's schema model → real PostgreSQL DDL, keys and range predicates. */
class SqlServerTableMapperTest {
    private final SqlServerCatalogRows rows = new SqlServerCatalogRows(IdentifierCase.LOWER);

    private List<Table> stackOverflowShape() {
        Table users = rows.table("Users", List.of(
                        rows.column("Users", "Id", "int", 4, 10, 0, false, true),
                        rows.notNull("Users", "DisplayName", "nvarchar"),
                        rows.nullable("Users", "Reputation", "int")),
                List.of(rows.primaryKey("PK_Users_Id", "Id"),
                        rows.index("IX_Reputation", false, List.of("Reputation"), List.of(true), List.of("DisplayName")),
                        rows.index("UX_DisplayName", true, List.of("DisplayName"), List.of(false), List.of())),
                List.of(), 3);
        Table posts = rows.table("Posts", List.of(rows.notNull("Posts", "Id", "int"),
                        rows.nullable("Posts", "OwnerUserId", "int")),
                List.of(rows.primaryKey("PK_Posts_Id", "Id"),
                        rows.index("IX_OwnerUserId", false, List.of("OwnerUserId"), List.of(false), List.of())),
                List.of(rows.foreignKey("FK_Posts_Users", "OwnerUserId", "Users", "Id")), 2);
        Table votes = rows.table("Votes", List.of(rows.notNull("Votes", "PostId", "int"),
                        rows.notNull("Votes", "CreationDate", "datetime2"),
                        rows.nullable("Votes", "OwnerUserId", "int"),
                        rows.nullable("Votes", "Amount", "decimal")),
                List.of(rows.primaryKey("PK_Votes", "PostId", "CreationDate"),
                        rows.index("IX_OwnerUserId", false, List.of("OwnerUserId"), List.of(false), List.of())),
                List.of(rows.foreignKey("FK_Votes_Posts", "PostId", "Posts", "Id"),
                        rows.foreignKey("FK_Votes_Archive", "PostId", "Archive", "Id")), 1000);
        return List.of(users, posts, votes);
    }

    private static TableDef named(List<MappedTable> mapped, String name) {
        return mapped.stream().map(MappedTable::target).filter(t -> t.name().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void mapsNamesTypesKeysIndexesAndForeignKeysIntoTheEngineModel() {
        List<MappedTable> mapped = new SqlServerTableMapper(IdentifierCase.LOWER).map(stackOverflowShape(), MigratedSequences.none());

        TableDef users = named(mapped, "users");
        assertThat(users.name().schema()).isEqualTo("dbo");
        assertThat(users.columns()).extracting(c -> c.name() + " " + c.type() + (c.notNull() ? " NOT NULL" : ""))
                .containsExactly("id integer NOT NULL", "displayname varchar(40) NOT NULL", "reputation integer");
        assertThat(users.columns().get(0).identity()).as("identity kept, explicit values accepted").isEqualTo('d');
        assertThat(users.splitKey()).containsExactly("id");
        assertThat(users.constraints()).singleElement().satisfies(pk -> {
            assertThat(pk.kind()).isEqualTo(ConstraintDef.Kind.PRIMARY_KEY);
            assertThat(pk.indexDef()).isEqualTo("CREATE UNIQUE INDEX \"pk_users_id\" ON \"dbo\".\"users\" (\"id\")");
        });
        assertThat(users.indexes()).extracting(i -> i.definition()).containsExactly(
                "CREATE INDEX \"ix_reputation\" ON \"dbo\".\"users\" (\"reputation\" DESC) INCLUDE (\"displayname\")",
                "CREATE UNIQUE INDEX \"ux_displayname\" ON \"dbo\".\"users\" (\"displayname\")");

        TableDef votes = named(mapped, "votes");
        assertThat(votes.splitKey()).containsExactly("postid", "creationdate");
        assertThat(votes.indexes()).extracting(i -> i.name()).as("index names are per schema in PostgreSQL")
                .containsExactly("votes_ix_owneruserid");
        assertThat(named(mapped, "posts").indexes()).extracting(i -> i.name()).containsExactly("ix_owneruserid");
        assertThat(votes.constraints()).filteredOn(c -> c.kind() == ConstraintDef.Kind.FOREIGN_KEY)
                .as("the key to a table not migrated is left out")
                .extracting(ConstraintDef::definition)
                .containsExactly("FOREIGN KEY (\"postid\") REFERENCES \"dbo\".\"posts\" (\"id\")");
        assertThat(mapped.get(2).splitKey()).extracting(SqlServerSchema.Column::name)
                .as("source names kept for the range reads").containsExactly("PostId", "CreationDate");
    }

    @Test
    void buildsTablesKeysIndexesAndIdentityInPostgres() throws Exception {
        List<MappedTable> mapped = new SqlServerTableMapper(IdentifierCase.LOWER).map(stackOverflowShape(), MigratedSequences.none());
        List<TableDef> defs = mapped.stream().map(MappedTable::target).toList();
        try (Connection c = TestPostgres.connect(TestPostgres.newDatabase("mssql_model"));
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            new TargetSchemaWriter(TargetMode.CREATE, false).prepare(c,
                    new SourceSchema(List.of("dbo"), List.of(), List.of(), defs, "SQL Server 16"));
            c.commit();
            c.setAutoCommit(true);
            st.execute("INSERT INTO dbo.users VALUES (7, 'ann', 10), (9, 'bob', NULL)");
            st.execute("INSERT INTO dbo.posts VALUES (1, 7), (2, NULL)");
            st.execute("INSERT INTO dbo.votes VALUES (1, '2020-01-01 10:00:00.123', 7, 1.50)");
            TargetFinalizer finalizer = new TargetFinalizer(null);
            for (TableDef t : defs) {
                for (TargetFinalizer.IndexBuild b : finalizer.indexBuilds(t)) {
                    finalizer.buildIndex(c, b);
                }
                finalizer.attachKeys(c, t);
                finalizer.resetSequences(c, t);
            }
            for (TableDef t : defs) {
                finalizer.addForeignKeys(c, t);
            }
            assertThat(strings(st, "SELECT conname || ':' || contype::text FROM pg_constraint WHERE connamespace = 'dbo'::regnamespace ORDER BY 1"))
                    .containsExactly("fk_posts_users:f", "fk_votes_posts:f", "pk_posts_id:p", "pk_users_id:p", "pk_votes:p");
            assertThat(strings(st, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_reputation'"))
                    .singleElement().asString().contains("reputation DESC").contains("INCLUDE (displayname)");
            assertThat(strings(st, "SELECT nextval(pg_get_serial_sequence('dbo.users', 'id'))::text"))
                    .as("identity moved past the copied maximum").containsExactly("10");
            assertThatThrownBy(() -> st.execute("INSERT INTO dbo.votes VALUES (99, now(), NULL, NULL)"))
                    .as("foreign key enforced").isInstanceOf(SQLException.class).hasMessageContaining("fk_votes_posts");
        }
    }

    /** An Orders table with what users expect after a migration, and what cannot come along. */
    private List<Table> ordersShape() {
        Table orders = rows.table("Orders", List.of(
                        rows.column("Orders", "Id", "int", 4, 10, 0, false, true),
                        SqlServerCatalogRows.withDefault(rows.notNull("Orders", "Qty", "int"), "((1))"),
                        rows.nullable("Orders", "Price", "decimal"),
                        SqlServerCatalogRows.computed(rows.column("Orders", "Total", "decimal", 13, 23, 2, true, false),
                                "([Qty]*[Price])", true),
                        SqlServerCatalogRows.computed(rows.nullable("Orders", "Label", "nvarchar"),
                                "(CONVERT([nvarchar](30),[Created]))", false),
                        SqlServerCatalogRows.withDefault(rows.notNull("Orders", "Created", "datetime"), "(getdate())"),
                        SqlServerCatalogRows.withDefault(rows.nullable("Orders", "Host", "nvarchar"), "(host_name())"),
                        rows.nullable("Orders", "Code", "nvarchar"),
                        rows.nullable("Orders", "DeletedAt", "datetime"),
                        SqlServerCatalogRows.withDefault(rows.notNull("Orders", "Open", "bit"), "((1))")),
                List.of(rows.primaryKey("PK_Orders", "Id"), rows.uniqueConstraint("UQ_Orders_Code", "Code"),
                        rows.filtered("UX_Orders_Live", true, "([DeletedAt] IS NULL)", "Qty", "Price"),
                        rows.filtered("IX_Orders_Host", false, "([Host]=N'x')", "Host")),
                List.of(), List.of(new SqlServerSchema.Check("CK_Qty", "([Qty]>(0))", false, false),
                        new SqlServerSchema.Check("CK_Price", "([Price]>=(0))", false, true),
                        new SqlServerSchema.Check("CK_Code", "([Code]<>'')", false, false),
                        new SqlServerSchema.Check("CK_Off", "([Qty]<(1000))", true, false)),
                new SqlServerSchema.Identity("Id", 1000, 5, 1010L), 0);
        Table ledger = rows.table("Ledger", List.of(rows.column("Ledger", "No", "decimal", 9, 18, 0, false, true),
                        rows.notNull("Ledger", "OrderId", "int")),
                List.of(rows.primaryKey("PK_Ledger", "No")),
                List.of(rows.foreignKey("FK_Ledger_Orders", "OrderId", "Orders", "Id", "CASCADE", false),
                        rows.foreignKey("FK_Ledger_Off", "OrderId", "Orders", "Id", "NO ACTION", true)),
                List.of(), new SqlServerSchema.Identity("No", 1, 1, 41L), 0);
        return List.of(orders, ledger);
    }

    @Test
    void identitySeedsChecksDefaultsAndComputedColumnsWorkInPostgresAndTheRestIsListed() throws Exception {
        List<MappedTable> mapped = new SqlServerTableMapper(IdentifierCase.LOWER).map(ordersShape(), MigratedSequences.none());
        assertThat(mapped.stream().flatMap(t -> t.notMigrated().stream()).map(n -> n.kind() + " " + n.describe()))
                .containsExactly(
                        "COMPUTED_COLUMN dbo.Orders.Label [computed as (CONVERT([nvarchar](30),[Created])): a conversion of "
                                + "a datetime to text, whose text form differs in PostgreSQL; its values are copied]",
                        "COLUMN_DEFAULT dbo.Orders.Host [DEFAULT (host_name()): calls HOST_NAME, which has no PostgreSQL "
                                + "translation here]",
                        "CHECK CK_Code on dbo.Orders [CHECK ([Code]<>''): compares text, which SQL Server does by the "
                                + "column's collation (case, accents, trailing blanks) and PostgreSQL does not]",
                        "CHECK CK_Off on dbo.Orders [disabled in the source (NOCHECK); PostgreSQL has no disabled checks]",
                        "INDEX IX_Orders_Host on dbo.Orders [filtered WHERE ([Host]=N'x'): compares text, which SQL Server "
                                + "does by the column's collation (case, accents, trailing blanks) and PostgreSQL does not]",
                        "FOREIGN_KEY FK_Ledger_Off on dbo.Ledger [disabled in the source (NOCHECK)]");
        assertThat(mapped.get(0).copied()).as("the generated column is not copied")
                .containsExactly(true, true, true, false, true, true, true, true, true, true);
        List<TableDef> defs = mapped.stream().map(MappedTable::target).toList();
        List<io.migbench.engine.schema.SequenceDef> sequences = mapped.stream().flatMap(t -> t.sequences().stream()).toList();
        try (Connection c = TestPostgres.connect(TestPostgres.newDatabase("mssql_coverage"));
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            new TargetSchemaWriter(TargetMode.CREATE, false).prepare(c,
                    new SourceSchema(List.of("dbo"), List.of(), sequences, defs, "SQL Server 16"));
            c.commit();
            c.setAutoCommit(true);
            st.execute("INSERT INTO dbo.orders (id, qty, price, label, created, code) VALUES"
                    + " (1000, 2, 1.25, 'a', '2020-01-01', NULL), (1005, 3, NULL, 'b', '2020-01-02', 'x')");
            st.execute("INSERT INTO dbo.ledger VALUES (40, 1000), (41, 1005)");
            TargetFinalizer finalizer = new TargetFinalizer(null);
            for (TableDef t : defs) {
                for (TargetFinalizer.IndexBuild b : finalizer.indexBuilds(t)) {
                    finalizer.buildIndex(c, b);
                }
                finalizer.attachKeys(c, t);
                finalizer.resetSequences(c, t);
                finalizer.addForeignKeys(c, t);
            }
            assertThat(strings(st, "SELECT start_value || ' ' || increment_by || ' ' || min_value || ' ' || max_value"
                    + " FROM pg_sequences WHERE sequencename IN ('orders_id_seq', 'ledger_no_seq') ORDER BY sequencename"))
                    .containsExactly("1 1 -999999999999999999 999999999999999999", "1000 5 -2147483648 2147483647");
            st.execute("INSERT INTO dbo.orders (price, code) VALUES (2.00, 'y')");
            assertThat(strings(st, "SELECT id || ' ' || qty || ' ' || total || ' ' || open || ' ' || (created > now() - interval '1 day')"
                    + " FROM dbo.orders WHERE code = 'y'"))
                    .as("the source's last value 1010 and increment 5, the defaults, the generated total")
                    .containsExactly("1015 1 2.00 true true");
            assertThat(strings(st, "SELECT total::text FROM dbo.orders WHERE id = 1000")).containsExactly("2.50");
            assertThat(strings(st, "SELECT nextval('dbo.ledger_no_seq')::text")).as("decimal identity continues").containsExactly("42");
            assertThatThrownBy(() -> st.execute("INSERT INTO dbo.orders (qty) VALUES (0)")).hasMessageContaining("ck_qty");
            assertThatThrownBy(() -> st.execute("INSERT INTO dbo.orders (qty, code) VALUES (1, 'x')"))
                    .as("a unique constraint").hasMessageContaining("uq_orders_code");
            assertThatThrownBy(() -> st.execute("INSERT INTO dbo.orders (qty, code) VALUES (1, NULL)"))
                    .as("NULL once at most, as in SQL Server").hasMessageContaining("uq_orders_code");
            assertThat(strings(st, "SELECT conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint"
                    + " WHERE conrelid IN ('dbo.orders'::regclass, 'dbo.ledger'::regclass) ORDER BY conname")).containsExactly(
                    "ck_price CHECK ((price >= (0)::numeric)) NOT VALID false",
                    "ck_qty CHECK ((qty > 0)) true",
                    "fk_ledger_orders FOREIGN KEY (orderid) REFERENCES dbo.orders(id) ON DELETE CASCADE true",
                    "pk_ledger PRIMARY KEY (no) true",
                    "pk_orders PRIMARY KEY (id) true",
                    "uq_orders_code UNIQUE NULLS NOT DISTINCT (code) true");
            assertThat(strings(st, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ux_orders_live'")).containsExactly(
                    "CREATE UNIQUE INDEX ux_orders_live ON dbo.orders USING btree (qty, price) NULLS NOT DISTINCT"
                    + " WHERE (deletedat IS NULL)");
        }
    }

    @Test
    void refusesTargetNameCollisionsUnlessNamesArePreserved() {
        SqlServerCatalogRows preserve = new SqlServerCatalogRows(IdentifierCase.PRESERVE);
        List<Table> clash = List.of(
                preserve.table("Users", List.of(preserve.notNull("Users", "Id", "int")), List.of(), List.of(), 1),
                preserve.table("USERS", List.of(preserve.notNull("USERS", "Id", "int")), List.of(), List.of(), 1));
        assertThat(new SqlServerTableMapper(IdentifierCase.PRESERVE).map(clash, MigratedSequences.none()))
                .extracting(m -> m.target().name().name()).containsExactly("Users", "USERS");
        List<Table> lowered = List.of(
                rows.table("Users", List.of(rows.notNull("Users", "Id", "int")), List.of(), List.of(), 1),
                rows.table("USERS", List.of(rows.notNull("USERS", "Id", "int")), List.of(), List.of(), 1));
        assertThatThrownBy(() -> new SqlServerTableMapper(IdentifierCase.LOWER).map(lowered, MigratedSequences.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'identifierCase'")
                .hasMessageContaining("dbo.Users and dbo.USERS").hasMessageContaining("dbo.users");
        assertThat(SqlServerTableMapper.truncate("x".repeat(70) + "é")).hasSize(63);
    }

    @Test
    void targetRangePredicatesSelectAndDeleteExactlyTheSourceRangeRows() throws Exception {
        MappedTable votes = new SqlServerTableMapper(IdentifierCase.LOWER).map(stackOverflowShape(), MigratedSequences.none()).get(2);
        TableDef def = votes.target();
        LocalDateTime t0 = LocalDateTime.of(2020, 1, 1, 0, 0);
        List<String> bound = List.of(KeyBounds.text(5, votes.splitKey().get(0).targetType()),
                KeyBounds.text(t0.plusNanos(500_000_000), votes.splitKey().get(1).targetType()));
        Partition low = new Partition(def.name(), 0, PartitionKind.KEY_RANGE, null, bound, 0, 0);
        Partition high = new Partition(def.name(), 1, PartitionKind.KEY_RANGE, bound, null, 0, 0);

        assertThat(RangeSql.predicate(def, high)).as("target names, PostgreSQL literals")
                .isEqualTo("(\"postid\", \"creationdate\") >= ('5'::integer, '2020-01-01 00:00:00.5'::timestamp(3))");
        KeyRange source = SqlServerPartitionSource.range(votes, high);
        assertThat(source.predicate()).as("source names on the SQL Server side")
                .isEqualTo("(([PostId] > ?) OR ([PostId] = ? AND [CreationDate] >= ?))");
        assertThat(source.parameters()).containsExactly(5, 5, t0.plusNanos(500_000_000));

        try (Connection c = TestPostgres.connect(TestPostgres.newDatabase("mssql_ranges"));
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            new TargetSchemaWriter(TargetMode.CREATE, false).prepare(c,
                    new SourceSchema(List.of("dbo"), List.of(), List.of(), List.of(def), "SQL Server 16"));
            c.commit();
            c.setAutoCommit(true);
            // 10 posts × 10 votes a tenth of a second apart: (5, .5) is the first row of the upper range
            st.execute("INSERT INTO dbo.votes SELECT p, timestamp '2020-01-01' + interval '100 ms' * v, NULL, NULL"
                    + " FROM generate_series(1, 10) p, generate_series(0, 9) v");
            long below = count(st, "SELECT count(*) FROM dbo.votes" + RangeSql.whereClause(def, low));
            long above = count(st, "SELECT count(*) FROM dbo.votes" + RangeSql.whereClause(def, high));
            assertThat(below).as("4 whole posts and half of post 5").isEqualTo(45);
            assertThat(below + above).as("every row in exactly one range").isEqualTo(100);
            st.execute("DELETE FROM " + def.name().quoted() + RangeSql.whereClause(def, high));
            assertThat(count(st, "SELECT count(*) FROM dbo.votes")).as("resume's range delete keeps the other range")
                    .isEqualTo(45);
            assertThat(count(st, "SELECT max(postid) FROM dbo.votes")).isEqualTo(5);
        }
    }

    @Test
    void keyBoundsRoundTripOnlyForKeysOrderedAlikeInBothDatabases() {
        SqlServerCatalogRows r = rows;
        record Case(SqlServerSchema.Column column, Object value) {}
        List<Case> safe = List.of(
                new Case(r.notNull("T", "A", "int"), 2_000_000_000),
                new Case(r.notNull("T", "B", "bigint"), Long.MIN_VALUE),
                new Case(r.notNull("T", "C", "decimal"), new BigDecimal("-1234567890.05")),
                new Case(r.notNull("T", "D", "date"), LocalDate.of(1, 1, 1)),
                new Case(r.column("T", "E", "datetime2", 8, 27, 7, false, false),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)));
        List<Object> back = new ArrayList<>();
        for (Case c : safe) {
            assertThat(KeyBounds.orderSafe(c.column())).as(c.column().sourceType().toString()).isTrue();
            back.add(KeyBounds.value(KeyBounds.text(c.value(), c.column().targetType()), c.column().targetType()));
        }
        assertThat(back).containsExactlyElementsOf(safe.stream().map(Case::value).toList());
        assertThat(KeyBounds.text(LocalDateTime.of(2008, 7, 31, 0, 0, 0, 3_000_000), r.notNull("T", "E", "datetime2").targetType()))
                .isEqualTo("2008-07-31 00:00:00.003");
        assertThat(List.of(r.notNull("T", "S", "nvarchar"), r.notNull("T", "G", "uniqueidentifier"),
                r.notNull("T", "M", "datetime"), r.notNull("T", "F", "float")))
                .as("collations, GUID byte order, 1/300 s ticks and floats order differently or change on the way")
                .noneMatch(KeyBounds::orderSafe);
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
