package io.migbench.engine;

import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryColumn;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link SchemaCorpus} migrates exactly: every relation's rows compare equal by an md5 of its rows' text in a
 * fixed order, and the structure (columns, types, constraints, indexes, partitions and bounds, views, sequences,
 * comments) compares equal by catalog queries of this test's own, not by the engine's verifier.
 */
class SchemaCoverageTest {
    private static String source;

    /** Structure, each query listing one aspect of the migrated schemas in a fixed order. */
    private static final Map<String, String> STRUCTURE = Map.of(
            "columns", "SELECT c.oid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                    + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
                    + " || coalesce(' COLLATE ' || nullif(a.attcollation, 0)::regcollation::text, '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid"
                    + " AND d.adnum = a.attnum WHERE c.relnamespace IN ('public'::regnamespace, 'part'::regnamespace)"
                    + " AND c.relkind IN ('r', 'p', 'v', 'm', 'c') AND c.relname <> 'v_uses_f' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1",
            "constraints", "SELECT coalesce(conrelid::regclass::text, contypid::regtype::text) || ' ' || conname || ' '"
                    + " || pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END"
                    + " FROM pg_constraint WHERE connamespace IN ('public'::regnamespace, 'part'::regnamespace) ORDER BY 1",
            "indexes", "SELECT schemaname || '.' || tablename || ' ' || indexdef FROM pg_indexes"
                    + " WHERE schemaname IN ('public', 'part') ORDER BY 1",
            "partitions", "SELECT c.oid::regclass || ' ' || c.relkind::text || coalesce(' of ' || i.inhparent::regclass, '')"
                    + " || coalesce(' ' || pg_get_expr(c.relpartbound, c.oid), '') || coalesce(' BY ' || pg_get_partkeydef(c.oid), '')"
                    + " FROM pg_class c LEFT JOIN pg_inherits i ON i.inhrelid = c.oid"
                    + " WHERE c.relnamespace IN ('public'::regnamespace, 'part'::regnamespace) AND c.relkind IN ('r', 'p') ORDER BY 1",
            "views", "SELECT oid::regclass || ' ' || relkind::text || ' ' || relispopulated || coalesce(' ' || array_to_string(reloptions, ','), '')"
                    + " || ' ' || pg_get_viewdef(oid) FROM pg_class WHERE relkind IN ('v', 'm') AND relnamespace = 'public'::regnamespace"
                    + " AND relname <> 'v_uses_f' ORDER BY 1",
            "types", "SELECT t.oid::regtype || ' ' || t.typtype::text || coalesce(' ' || (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder)"
                    + " FROM pg_enum WHERE enumtypid = t.oid), '') || coalesce(' base ' || nullif(t.typbasetype, 0)::regtype, '')"
                    + " || coalesce(' default ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END"
                    + " || coalesce(' range of ' || (SELECT rngsubtype::regtype || ' diff ' || rngsubdiff::regproc FROM pg_range"
                    + " WHERE rngtypid = t.oid), '') FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typname NOT LIKE '%v_uses_f'"
                    + " AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') ORDER BY 1",
            "sequences", "SELECT schemaname || '.' || sequencename || ' ' || data_type || ' ' || start_value || ' ' || increment_by"
                    + " || ' ' || coalesce(last_value::text, 'unused') FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
            "comments", "SELECT d.objoid::regclass || '.' || d.objsubid || ' ' || d.description FROM pg_description d"
                    + " WHERE d.classoid = 'pg_class'::regclass AND d.objoid IN (SELECT oid FROM pg_class"
                    + " WHERE relnamespace IN ('public'::regnamespace, 'part'::regnamespace)) ORDER BY 1");

    @BeforeAll
    static void createSource() {
        source = TestPostgres.newDatabase("src_schema");
        SchemaCorpus.create(source);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CopyFormat.class)
    void corpusMigratesExactlyRowsAndStructure(CopyFormat format) {
        String target = TestPostgres.newDatabase("tgt_schema");
        MigrationResult result = Migrator.migrate(Databases.options(source, target).schemas(List.of("public", "part"))
                .tasks(3).partitions(3).partitionThresholdRows(500).split(SplitStrategy.KEY).copyFormat(format)
                .verify(VerifyMode.CHECKSUM).build());

        assertThat(result.status()).as("status, error: %s", result.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(result.notMigratedSummary()).isEqualTo(SchemaCorpus.NOT_MIGRATED);
        for (String relation : SchemaCorpus.ROW_RELATIONS) {
            assertThat(rowsDigest(target, relation)).as("rows of %s", relation).isEqualTo(rowsDigest(source, relation));
        }
        assertThat(Long.parseLong(queryOne(target, "SELECT count(*) FROM events_default"))).as("default partition has rows")
                .isGreaterThan(2);
        STRUCTURE.forEach((aspect, sql) -> assertThat(queryColumn(target, sql)).as(aspect)
                .isNotEmpty().containsExactlyElementsOf(queryColumn(source, sql)));
        assertThat(result.tables()).as("one result per leaf, each verified by checksum")
                .extracting(t -> t.schema() + "." + t.table())
                .containsExactlyInAnyOrder("public.events_2023", "public.events_2024_ab", "public.events_2024_other",
                        "public.events_default", "part.hashed_0", "part.hashed_1", "part.hashed_2", "public.refs",
                        "public.bookings", "public.legacy", "public.typed");
        assertThat(result.tables()).allMatch(t -> Boolean.TRUE.equals(t.checksumMatch()));
        assertThat(result.tables()).filteredOn(t -> t.table().startsWith("hashed_"))
                .allMatch(t -> "public.hashed".equals(t.partitionOf()));
        assertThat(result.notMigratedSummary()).isEqualTo(SchemaCorpus.NOT_MIGRATED);
        exec(target, "INSERT INTO events (ts) VALUES ('2024-06-01')", "INSERT INTO typed (c) VALUES ('new')");
        assertThat(queryOne(target, "SELECT count(*) FROM events WHERE id > 12003")).as("serial of a partitioned table moved past the copy")
                .isEqualTo("1");
        assertThat(queryOne(target, "SELECT nextval('standalone_seq')")).as("standalone sequence continues").isEqualTo("115");
    }

    @Test
    void aFilterTakesAPartitionedTableWithAllItsPartitions() {
        String target = TestPostgres.newDatabase("tgt_schema_filter");
        MigrationResult result = Migrator.migrate(Databases.options(source, target).schemas(List.of("public", "part"))
                .includeTables(List.of("hashed")).build());

        assertThat(result.status()).as("error: %s", result.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(result.tables()).extracting(TableResult::table).containsExactlyInAnyOrder("hashed_0", "hashed_1", "hashed_2");
        assertThat(rowsDigest(target, "public.hashed")).isEqualTo(rowsDigest(source, "public.hashed"));
    }

    @Test
    void aFilterThatWouldSplitATreeIsRefusedNamingTheFlag() {
        String target = TestPostgres.newDatabase("tgt_schema_split");
        assertThatThrownBy(() -> Migrator.migrate(Databases.options(source, target).schemas(List.of("public", "part"))
                .excludeTables(List.of("part.hashed_1")).build()))
                .isInstanceOf(OptionException.class)
                .hasMessageStartingWith("--exclude matches part.hashed_1, a partition of public.hashed");
        assertThatThrownBy(() -> Migrator.migrate(Databases.options(source, target).schemas(List.of("public", "part"))
                .includeTables(List.of("events_2023")).build()))
                .isInstanceOf(OptionException.class)
                .hasMessageStartingWith("--tables matches public.events_2023, a partition of public.events, but not");
        assertThat(queryOne(target, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"))
                .as("nothing created").isEqualTo("0");
    }

    @Test
    void viewsReadingARelationLeftOutAreListedNotMigrated() {
        String target = TestPostgres.newDatabase("tgt_schema_views");
        MigrationResult result = Migrator.migrate(Databases.options(source, target).schemas(List.of("public", "part"))
                .excludeTables(List.of("events")).build());

        assertThat(result.status()).as("error: %s", result.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(result.notMigrated()).filteredOn(o -> o.kind() == NotMigrated.Kind.VIEW).extracting(NotMigrated::describe)
                .containsExactly("public.v_events [reads public.events, which is not migrated]",
                        "public.v_kinds [reads public.v_events, which is not migrated]",
                        "public.mv_kinds [reads public.v_kinds, which is not migrated]",
                        "public.v_uses_f [uses function public.f(integer), which is not migrated]");
        assertThat(queryOne(target, "SELECT count(*) FROM pg_class WHERE relkind IN ('v', 'm')"
                + " AND relnamespace = 'public'::regnamespace")).isEqualTo("0");
    }

    /** Row count and md5 of the rows' text in a fixed order: equal digests mean equal rows. */
    static String rowsDigest(String url, String relation) {
        return queryOne(url, "SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, E'\\n' ORDER BY r::text)), '-')"
                + " FROM " + relation + " r");
    }
}
