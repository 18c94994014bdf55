package io.migbench.harness.dataset;

import io.migbench.harness.model.DatasetName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small tables that exercise every type family with nasty values, for correctness runs: NULL vs empty,
 * tabs/newlines/backslashes/quotes, non-ASCII and outside-BMP text, bytea with zero bytes, high-precision
 * numerics, infinities, timestamps with and without time zone, arrays, json/jsonb, uuid, enums, domains,
 * a generated column, mixed-case and spaced identifiers, a table without a key, a composite text key, a
 * key with huge gaps and an empty table. Each table also gets {@code round(1000 × scale)} generated rows
 * (deterministic by seed) so that partitioning has something to split.
 */
public final class TypesDataset implements Dataset {
    private static final String MIXED_CASE = "Mixed Case \"Table\"";

    private static final List<String> DDL = List.of(
            "CREATE TYPE \"mood\" AS ENUM ('sad', 'ok', 'happy', 'with space', 'Ünïcode')",
            "CREATE DOMAIN \"positive_int\" AS integer CHECK (VALUE > 0)",
            "CREATE DOMAIN \"short_text\" AS varchar(20)",
            "CREATE TABLE \"t_text\" (\"id\" integer PRIMARY KEY, \"c_text\" text, \"c_varchar\" varchar(50), \"c_char\" char(10), \"c_short\" \"short_text\")",
            "CREATE TABLE \"t_numeric\" (\"id\" integer PRIMARY KEY, \"c_smallint\" smallint, \"c_int\" integer, \"c_bigint\" bigint,"
                    + " \"c_numeric\" numeric(38,10), \"c_numeric_any\" numeric, \"c_real\" real, \"c_double\" double precision, \"c_positive\" \"positive_int\")",
            "CREATE TABLE \"t_temporal\" (\"id\" integer PRIMARY KEY, \"c_date\" date, \"c_time\" time(6), \"c_timetz\" timetz,"
                    + " \"c_timestamp\" timestamp(6), \"c_timestamptz\" timestamptz, \"c_timestamp3\" timestamp(3), \"c_interval\" interval)",
            "CREATE TABLE \"t_binary\" (\"id\" integer PRIMARY KEY, \"c_bytea\" bytea)",
            "CREATE TABLE \"t_misc\" (\"id\" integer PRIMARY KEY, \"c_bool\" boolean, \"c_uuid\" uuid, \"c_mood\" \"mood\","
                    + " \"c_inet\" inet, \"c_cidr\" cidr, \"c_macaddr\" macaddr, \"c_xml\" xml, \"c_bits\" bit varying(16))",
            "CREATE TABLE \"t_json\" (\"id\" integer PRIMARY KEY, \"c_json\" json, \"c_jsonb\" jsonb)",
            "CREATE TABLE \"t_array\" (\"id\" integer PRIMARY KEY, \"c_ints\" integer[], \"c_texts\" text[], \"c_matrix\" integer[][])",
            "CREATE TABLE \"t_generated\" (\"id\" integer PRIMARY KEY, \"a\" integer, \"b\" integer GENERATED ALWAYS AS (\"a\" * 2) STORED)",
            "CREATE TABLE " + SqlDialect.POSTGRESQL.quote(MIXED_CASE) + " (\"Id\" integer PRIMARY KEY, \"Select\" text, \"col with space\" text, \"quote\"\"d\" integer)",
            "CREATE TABLE \"t_no_key\" (\"a\" integer, \"b\" text)",
            "CREATE TABLE \"t_composite_key\" (\"region\" text, \"code\" text, \"value\" integer, PRIMARY KEY (\"region\", \"code\"))",
            "CREATE TABLE \"t_gap_key\" (\"id\" bigint PRIMARY KEY, \"payload\" text)",
            "CREATE TABLE \"t_empty\" (\"id\" integer PRIMARY KEY, \"payload\" text)");

    /** Hand-written nasty rows per table; {@code %G} is replaced by the generated bulk rows' SELECT. */
    private static final Map<String, List<String>> NASTY = nasty();

    private static Map<String, List<String>> nasty() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("t_text", List.of(
                "(1, NULL, NULL, NULL, NULL)", "(2, '', '', '', '')", "(3, ' ', ' ', ' ', ' ')",
                "(4, E'tab\\there', E'new\\nline', E'cr\\r', E'\\t')", "(5, E'back\\\\slash \\\\N', '\\N', '\\', '\\\\')",
                "(6, 'quote''s \"double\"', '''', '\"', ',;|')", "(7, 'Grüße, 日本語, Ελληνικά', 'é', 'ß', 'ümlaut')",
                "(8, '😀 𝄞 outside the BMP', '😀', '𝄞', '🧪')", "(9, repeat('long ', 20000), repeat('x', 50), 'x', repeat('y', 20))",
                "(10, E'zero\\u200Bwidth joiner\\u200D', 'NULL', 'null', 'N')"));
        m.put("t_numeric", List.of(
                "(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "(2, -32768, -2147483648, -9223372036854775808, -9999999999999999999999999999.9999999999, 'NaN', '-Infinity', '-Infinity', 1)",
                "(3, 32767, 2147483647, 9223372036854775807, 9999999999999999999999999999.9999999999, 1e-300, 'Infinity', 'Infinity', 2147483647)",
                "(4, 0, 0, 0, 0, 0, '-0', '-0', 1)", "(5, 1, 1, 1, 0.0000000001, 123456789012345678901234567890.123456789012345678901234567890, 'NaN', 'NaN', 1)",
                "(6, -1, -1, -1, 3.1415926535, -0.00000000000000000001, 1.17549435e-38, 2.2250738585072014e-308, 1)"));
        m.put("t_temporal", List.of(
                "(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "(2, 'infinity', '00:00:00', '00:00:00+00', 'infinity', 'infinity', 'infinity', '0')",
                "(3, '-infinity', '23:59:59.999999', '23:59:59.999999-12', '-infinity', '-infinity', '-infinity', '-178000000 years')",
                "(4, '4713-01-01 BC', '24:00:00', '12:00:00+14', '4713-01-01 00:00:00 BC', '4713-01-01 00:00:00+00 BC', '0001-01-01 00:00:00', '1 year 2 mons 3 days 04:05:06.789')",
                "(5, '5874897-12-31', '12:34:56.789012', '01:02:03+05:30', '294276-12-31 23:59:59.999999', '294276-12-31 23:59:59.999999+00', '2013-12-31 23:59:59.999', '-1 day +02:00:00')",
                "(6, '2021-03-28', '02:30:00', '02:30:00+01', '2021-03-28 02:30:00', '2021-03-28 02:30:00+02', '2021-10-31 02:30:00.5', '1 microsecond')"));
        m.put("t_binary", List.of("(1, NULL)", "(2, '')", "(3, '\\x00')", "(4, '\\x000102ff00')",
                "(5, (SELECT string_agg(set_byte('\\x00'::bytea, 0, b), ''::bytea ORDER BY b) FROM generate_series(0, 255) b))",
                "(6, convert_to(repeat('binary\\000', 1), 'UTF8'))", "(7, decode(repeat('00ff', 100000), 'hex'))"));
        m.put("t_misc", List.of(
                "(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "(2, true, '00000000-0000-0000-0000-000000000000', 'with space', '::1', '10.0.0.0/8', '08:00:2b:01:02:03', '<a>1</a>', B'')",
                "(3, false, 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'Ünïcode', '192.168.1.1/24', '2001:db8::/32', 'ff:ff:ff:ff:ff:ff', '<?xml version=\"1.0\"?><r a=\"&amp;\">é</r>', B'1010101010101010')"));
        m.put("t_json", List.of("(1, NULL, NULL)", "(2, 'null', 'null')", "(3, '{}', '[]')",
                "(4, '{\"a\": 1, \"a\": 2}', '{\"a\": 1, \"a\": 2}')", "(5, '\"\\u0000 in json only\"', '\"tab\\tand \\\"quotes\\\"\"')",
                "(6, '{\"nested\": {\"deep\": [1, 2.5e10, \"😀\", null, true]}}', '{\"nested\": {\"deep\": [1, 2.5e10, \"😀\", null, true]}}')"));
        m.put("t_array", List.of("(1, NULL, NULL, NULL)", "(2, '{}', '{}', '{}')",
                "(3, '{1,NULL,3}', '{NULL,\"NULL\",\"\",\"a,b\",\"{braces}\",\"quote\\\"d\",\"back\\\\slash\"}', '{{1,2},{3,4}}')",
                "(4, '[0:2]={7,8,9}', ARRAY[E'tab\\t', E'new\\nline', '😀'], '{{NULL,1},{2,NULL}}')"));
        m.put("t_generated", List.of("(1, NULL)", "(2, 0)", "(3, -1073741824)"));
        m.put(MIXED_CASE, List.of("(1, 'select', 'space', 1)", "(2, NULL, '', NULL)"));
        m.put("t_no_key", List.of("(1, 'duplicate')", "(1, 'duplicate')", "(NULL, NULL)", "(NULL, NULL)"));
        m.put("t_composite_key", List.of("('', '', 0)", "('eu', 'a', 1)", "('eu', 'A', 2)", "('Ünïcode', '😀', 3)", "('a b', 'c,d', 4)"));
        m.put("t_gap_key", List.of("(-9223372036854775808, 'min')", "(-1, 'minus one')", "(0, 'zero')", "(1, 'one')",
                "(1000000000000000, 'far')", "(9223372036854775807, 'max')"));
        m.put("t_empty", List.of());
        return m;
    }

    @Override
    public String name() {
        return DatasetName.TYPES.yamlName();
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.copyOf(NASTY.keySet());
    }

    static long bulkRows(double scale) {
        return Math.max(10, Math.round(1000 * scale));
    }

    @Override
    public Map<String, Long> expectedRows(double scale) {
        Map<String, Long> out = new LinkedHashMap<>();
        NASTY.forEach((t, rows) -> out.put(t, t.equals("t_empty") ? 0 : rows.size() + bulkRows(scale)));
        return out;
    }

    @Override
    public LoadPlan plan(double scale, long seed) {
        long bulk = bulkRows(scale);
        List<String> setup = new ArrayList<>();
        for (String t : tables()) {
            setup.add("DROP TABLE IF EXISTS " + SqlDialect.POSTGRESQL.quote(t));
        }
        setup.addAll(List.of("DROP TYPE IF EXISTS \"mood\"", "DROP DOMAIN IF EXISTS \"positive_int\"",
                "DROP DOMAIN IF EXISTS \"short_text\""));
        setup.addAll(DDL);
        List<LoadPlan.Chunk> chunks = new ArrayList<>();
        Map<String, List<String>> finish = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : NASTY.entrySet()) {
            String table = e.getKey();
            String q = SqlDialect.POSTGRESQL.quote(table);
            if (!table.equals("t_empty")) {
                chunks.add(new LoadPlan.Chunk(table, "hand-written rows", e.getValue().size(), 1,
                        "INSERT INTO " + q + " VALUES " + String.join(", ", e.getValue()), List.of()));
                chunks.add(new LoadPlan.Chunk(table, "generated rows", bulk, bulk,
                        "INSERT INTO " + q + " " + bulk(table, bulk, seed), List.of()));
            }
            finish.put(table, List.of("ANALYZE " + q, markerStatement(SqlDialect.POSTGRESQL, table, scale, seed)));
        }
        return new LoadPlan(tables(), setup, chunks, finish);
    }

    /** Generated rows after the hand-written ones: ids from 1001 upward (t_gap_key: scattered by hash). */
    private static String bulk(String table, long rows, long seed) {
        String h = "(hashint8extended(g, " + StackOverflowDataset.mix(seed, 99) + ") & 9223372036854775807)";
        String from = " FROM generate_series(1001::bigint, " + (1000 + rows) + "::bigint) g";
        return switch (table) {
            case "t_text" -> "SELECT g, CASE WHEN " + h + " % 10 = 0 THEN NULL ELSE 'row ' || g || E'\\t' || md5(g::text) END,"
                    + " left(md5(g::text), (" + h + " % 50)::integer), 'c' || g % 100, NULL" + from;
            case "t_numeric" -> "SELECT g, (" + h + " % 32767)::smallint, (" + h + " % 2147483647)::integer, " + h + ", "
                    + "(" + h + " % 100000000000)::numeric / 1000000, (" + h + ")::numeric / 7, (" + h + " % 1000000)::real / 3, "
                    + "(" + h + ")::float8 / 3, 1 + (g % 1000)::integer" + from;
            case "t_temporal" -> "SELECT g, date '2000-01-01' + (" + h + " % 10000)::integer, time '00:00' + interval '1 microsecond' * (" + h + " % 86400000000),"
                    + " timetz '00:00+02', timestamp '2000-01-01' + interval '1 microsecond' * (" + h + " % 1000000000000000),"
                    + " timestamptz '2000-01-01 00:00+00' + interval '1 microsecond' * (" + h + " % 1000000000000000),"
                    + " timestamp '2000-01-01' + interval '1 millisecond' * (" + h + " % 1000000000000), interval '1 second' * (" + h + " % 100000)" + from;
            case "t_binary" -> "SELECT g, decode(md5(g::text) || '00' || md5((g + 1)::text), 'hex')" + from;
            case "t_misc" -> "SELECT g, " + h + " % 2 = 0, md5(" + h + "::text)::uuid, (ARRAY['sad','ok','happy']::\"mood\"[])[1 + (" + h + " % 3)::integer],"
                    + " ('10.' || g % 256 || '.' || g / 256 % 256 || '.1')::inet, NULL, NULL, NULL, NULL" + from;
            case "t_json" -> "SELECT g, json_build_object('id', g, 'h', " + h + "::text), jsonb_build_object('id', g, 'tags', jsonb_build_array('a', g))" + from;
            case "t_array" -> "SELECT g, ARRAY[g::integer, (" + h + " % 1000)::integer], ARRAY['x' || g, NULL], NULL" + from;
            case "t_generated" -> "SELECT g, (" + h + " % 1000000)::integer" + from;
            case MIXED_CASE -> "SELECT g, 'v' || g, NULL, (" + h + " % 100)::integer" + from;
            case "t_no_key" -> "SELECT (" + h + " % 100)::integer, 'dup ' || (g % 10)" + from;
            case "t_composite_key" -> "SELECT 'r' || (g % 7), 'c' || g, (" + h + " % 1000)::integer" + from;
            case "t_gap_key" -> "SELECT 2 + g * 1000000 + " + h + " % 999999, md5(g::text)" + from;
            default -> throw new IllegalStateException("no generator for table " + table);
        };
    }
}
