package io.migbench.harness.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static io.migbench.harness.dataset.StackOverflowDataset.BADGES;
import static io.migbench.harness.dataset.StackOverflowDataset.CHUNK_ROWS;
import static io.migbench.harness.dataset.StackOverflowDataset.LOCATIONS;
import static io.migbench.harness.dataset.StackOverflowDataset.NAMES;
import static io.migbench.harness.dataset.StackOverflowDataset.ROW_BYTES;
import static io.migbench.harness.dataset.StackOverflowDataset.SPAN_MS;
import static io.migbench.harness.dataset.StackOverflowDataset.TAGS;

/**
 * The StackOverflow dataset generated inside SQL Server with set-based T-SQL: the same tables, columns (as
 * {@code nvarchar}, {@code datetime} and {@code int}, like the real StackOverflow2013 database), row counts, NULL
 * rates and widths as the PostgreSQL generator, not byte-identical values. Every value is a function of
 * (seed, table, id) through one SHA-256 per row cut into four 63-bit hashes, so a seed gives the same rows
 * whatever the chunking and concurrency; text is cut from the same per-seed {@link Corpus}. Rows come from a
 * numbered cross join of {@code sys.all_columns} (SQL Server 2019 has no {@code GENERATE_SERIES}).
 */
final class SqlServerStackOverflowPlan {
    private static final String T0 = "CAST('2008-07-31T00:00:00' AS datetime)";
    private static final SqlDialect SQL = SqlDialect.SQLSERVER;
    private static final String BIGINT_MAX = "CAST(9223372036854775807 AS bigint)";
    /** Every cut below starts before character 64,000 and is at most 4,448 characters long (posts.body). */
    static final int CORPUS_CHARS = 64_000 + 4_448;

    private SqlServerStackOverflowPlan() {}

    static LoadPlan plan(StackOverflowDataset dataset, double scale, long seed) {
        Map<String, Long> n = dataset.expectedRows(scale);
        // only the prefix the cuts reach is bound: Babelfish copies the whole value on every SUBSTRING call, so
        // the full 1.28M-character corpus made each row cost milliseconds; the cut values are the same
        String corpus = String.join("", Corpus.build(seed)).substring(0, CORPUS_CHARS);
        List<LoadPlan.Chunk> chunks = new ArrayList<>();
        Map<String, List<String>> finish = new LinkedHashMap<>();
        int salt = 1;
        for (String table : dataset.tables()) {
            long rows = n.get(table);
            long step = CHUNK_ROWS.get(table);
            String select = select(table, n);
            for (long lo = 1; lo <= rows; lo += step) {
                long hi = Math.min(rows + 1, lo + step);
                String sql = "INSERT INTO " + SQL.quote(table) + " " + select.replace("%SOURCE%", source(lo, hi, seed, salt));
                boolean needsCorpus = sql.contains("k.t");
                chunks.add(new LoadPlan.Chunk(table, "id [" + lo + ", " + hi + ")", hi - lo,
                        (hi - lo) * (double) ROW_BYTES.get(table),
                        needsCorpus ? sql + " CROSS JOIN (SELECT CAST(? AS nvarchar(max)) AS t) k" : sql,
                        needsCorpus ? List.of(corpus) : List.of()));
            }
            finish.put(table, List.of(
                    "ALTER TABLE " + SQL.quote(table) + " ADD CONSTRAINT " + SQL.quote("pk_" + table)
                            + " PRIMARY KEY CLUSTERED ([id])",
                    dataset.markerStatement(SQL, table, scale, seed)));
            salt++;
        }
        List<String> setup = new ArrayList<>();
        dataset.tables().forEach(t -> setup.add("DROP TABLE IF EXISTS " + SQL.quote(t)));
        setup.addAll(ddl());
        // once for the database: per-table UPDATE STATISTICS is refused by Babelfish, sp_updatestats runs on both
        return new LoadPlan(dataset.tables(), setup, chunks, finish, List.of("EXEC sys.sp_updatestats"));
    }

    /** The PostgreSQL generator's DDL in T-SQL types, so both sources have exactly the same columns. */
    static List<String> ddl() {
        List<String> out = new ArrayList<>();
        for (String create : StackOverflowDataset.DDL.split(";\n")) {
            out.add(create.replaceAll("\"([a-z_]+)\"", "[$1]")
                    .replaceAll("(?<=\\] )integer", "int")
                    .replaceAll("(?<=\\] )text", "nvarchar(max)")
                    .replaceAll("(?<=\\] )timestamp\\(3\\)", "datetime")
                    .replaceAll("(?<=\\] )varchar\\(", "nvarchar("));
        }
        return out;
    }

    /** The SELECT list of each table over {@code %SOURCE%}: rows {@code s(id, a, b, c, d)} with four hashes. */
    private static String select(String table, Map<String, Long> n) {
        long users = n.get("users");
        long posts = n.get("posts");
        return switch (table) {
            case "users" -> "SELECT s.id, "
                    + "CASE WHEN " + f("a", 0, 100) + " < 35 THEN CONCAT(N'<p>', SUBSTRING(k.t, 1 + " + f("a", 8, 60000)
                    + ", 20 + " + f("a", 24, 500) + "), N'</p>') END, "
                    + "CASE WHEN " + f("b", 0, 100) + " < 20 THEN 16 + " + f("b", 8, 50) + " END, "
                    + created("s.id", users, f("b", 16, 86_400_000)) + ", "
                    + "CONCAT(" + pick(NAMES, f("c", 0, NAMES.size())) + ", CASE WHEN " + f("c", 8, 4)
                    + " = 0 THEN N'' ELSE CONCAT(N' ', " + f("c", 12, 100000) + ") END), "
                    + "CASE WHEN " + f("c", 32, 100) + " < 90 THEN 0 ELSE " + f("c", 40, 500) + " END, "
                    + "CASE WHEN " + f("d", 0, 100) + " < 3 THEN " + hex("HASHBYTES('MD5', CAST(s.id AS varchar(20)))", 16)
                    + " END, "
                    + dateAdd("second", f("d", 8, 30L * 86_400), created("s.id", users, "0")) + ", "
                    + "CASE WHEN " + f("a", 40, 100) + " < 30 THEN " + pick(LOCATIONS, f("a", 48, LOCATIONS.size())) + " END, "
                    + "CASE WHEN " + f("b", 40, 100) + " < 55 THEN 1 ELSE 1 + " + f("b", 48, 300) + " * " + f("c", 48, 50) + " END, "
                    + f("d", 24, 1000) + ", " + f("d", 40, 2000) + ", "
                    + "CASE WHEN " + f("d", 52, 100) + " < 15 THEN CONCAT(N'http://www.example', s.id, N'.com/') END, "
                    + "CASE WHEN " + f("c", 20, 100) + " < 2 THEN NULL ELSE s.id + 1000 END "
                    + "FROM %SOURCE% s";
            case "posts" -> "SELECT s.id, "
                    + "CASE WHEN s.tp < 40 AND " + f("b", 0, 100) + " < 55 THEN CASE WHEN s.id + 1 + " + f("b", 8, 20)
                    + " > " + posts + " THEN " + posts + " ELSE s.id + 1 + " + f("b", 8, 20) + " END END, "
                    + "CASE WHEN s.tp < 40 THEN " + f("b", 16, 8) + " END, "
                    + "CONCAT(N'<p>', SUBSTRING(k.t, 1 + " + f("c", 0, 64000) + ", 50 + " + f("c", 16, 700) + " + "
                    + f("c", 26, 700) + " + CASE WHEN " + f("c", 36, 50) + " = 0 THEN 3000 ELSE 0 END), N'</p>'), "
                    + "CASE WHEN s.tp < 40 AND " + f("d", 0, 100) + " < 5 THEN "
                    + dateAdd("day", f("d", 8, 300), created("s.id", posts, "0")) + " END, "
                    + f("d", 16, 6) + ", "
                    + "CASE WHEN " + f("d", 20, 1000) + " < 5 THEN " + dateAdd("hour", f("d", 30, 1000),
                    created("s.id", posts, "0")) + " END, "
                    + created("s.id", posts, f("a", 8, 3_600_000)) + ", "
                    + "CASE WHEN s.tp < 40 AND " + f("d", 40, 100) + " < 25 THEN " + f("d", 48, 200) + " END, "
                    + dateAdd("second", f("b", 20, 30_000_000), created("s.id", posts, "0")) + ", "
                    + "CASE WHEN " + f("b", 28, 100) + " < 40 THEN " + dateAdd("second", f("b", 36, 10_000_000),
                    created("s.id", posts, "0")) + " END, "
                    + "CASE WHEN " + f("b", 28, 1000) + " < 1 THEN CONCAT(N'user', " + f("b", 40, 100000) + ") END, "
                    + "CASE WHEN " + f("b", 28, 100) + " < 40 THEN 1 + " + f("c", 8, users) + " END, "
                    + "CASE WHEN " + f("a", 20, 100) + " < 1 THEN NULL ELSE 1 + " + f("a", 24, users) + " END, "
                    + "CASE WHEN s.tp >= 40 AND s.tp < 98 THEN CASE WHEN s.id - 1 - " + f("a", 32, 1000)
                    + " < 1 THEN 1 ELSE s.id - 1 - " + f("a", 32, 1000) + " END END, "
                    + "CASE WHEN s.tp < 40 THEN 1 WHEN s.tp < 98 THEN 2 ELSE 3 + " + f("a", 40, 6) + " END, "
                    + f("d", 52, 40) + " - 3, "
                    + "CASE WHEN s.tp < 40 THEN CONCAT(N'<', " + pick(TAGS, f("c", 44, TAGS.size())) + ", N'><', "
                    + pick(TAGS, f("c", 52, TAGS.size())) + ", N'>') END, "
                    + "CASE WHEN s.tp < 40 THEN SUBSTRING(k.t, 1 + " + f("a", 44, 64000) + ", 20 + " + f("d", 56, 100) + ") END, "
                    + "CASE WHEN s.tp < 40 THEN " + f("b", 48, 5000) + " ELSE 0 END "
                    + "FROM (SELECT q.*, " + f("a", 0, 100).replace("s.", "q.") + " AS tp FROM %SOURCE% q) s";
            case "votes" -> "SELECT s.id, 1 + " + f("a", 0, posts) + ", "
                    + "CASE WHEN s.vt IN (5, 8) THEN 1 + " + f("b", 0, users) + " END, "
                    + "CASE WHEN s.vt IN (8, 9) THEN 50 * (1 + " + f("b", 32, 10) + ") END, "
                    + "s.vt, " + dateAdd("day", "s.id * 1980 / " + n.get("votes"), T0) + " "
                    + "FROM (SELECT q.*, CASE WHEN q.p < 70 THEN 2 WHEN q.p < 80 THEN 1 WHEN q.p < 86 THEN 3 "
                    + "WHEN q.p < 96 THEN 5 WHEN q.p < 97 THEN 8 WHEN q.p < 98 THEN 9 ELSE 6 + "
                    + f("b", 48, 2).replace("s.", "q.") + " END AS vt FROM (SELECT r.*, "
                    + f("a", 48, 100).replace("s.", "r.") + " AS p FROM %SOURCE% r) q) s";
            case "comments" -> "SELECT s.id, " + created("s.id", n.get("comments"), f("b", 40, 3_600_000)) + ", "
                    + "1 + " + f("a", 0, posts) + ", "
                    + "CASE WHEN " + f("a", 40, 100) + " < 80 THEN 0 ELSE " + f("a", 48, 10) + " END, "
                    + "SUBSTRING(k.t, 1 + " + f("b", 0, 64000) + ", 15 + " + f("b", 20, 135) + " + " + f("b", 30, 135) + "), "
                    + "CASE WHEN " + f("c", 0, 100) + " < 1 THEN NULL ELSE 1 + " + f("c", 8, users) + " END "
                    + "FROM %SOURCE% s";
            case "badges" -> "SELECT s.id, " + pick(BADGES, f("a", 0, BADGES.size())) + ", 1 + " + f("a", 8, users) + ", "
                    + created("s.id", n.get("badges"), f("a", 40, 3_600_000)) + " FROM %SOURCE% s";
            case "post_links" -> "SELECT s.id, " + created("s.id", n.get("post_links"), f("a", 48, 3_600_000)) + ", "
                    + "1 + " + f("a", 0, posts) + ", 1 + " + f("b", 0, posts) + ", "
                    + "CASE WHEN " + f("c", 0, 100) + " < 85 THEN 1 ELSE 3 END FROM %SOURCE% s";
            default -> throw new IllegalStateException("no generator for table " + table);
        };
    }

    /** Rows {@code id} in [lo, hi) with four non-negative 63-bit hashes {@code a, b, c, d} of (seed, table, id). */
    static String source(long lo, long hi, long seed, int salt) {
        String key = Long.toUnsignedString(StackOverflowDataset.mix(seed, salt)) + ":";
        String hashes = List.of("a", "b", "c", "d").stream()
                .map(v -> "CAST(SUBSTRING(h.h, " + (1 + 8 * "abcd".indexOf(v)) + ", 8) AS bigint) & 9223372036854775807 AS " + v)
                .collect(Collectors.joining(", "));
        return "(SELECT h.id, " + hashes + " FROM (SELECT g.id, HASHBYTES('SHA2_256', CONCAT('" + key + "', g.id)) AS h"
                + " FROM (SELECT TOP (" + (hi - lo) + ") CAST(" + (lo - 1) + " + ROW_NUMBER() OVER (ORDER BY (SELECT NULL))"
                + " AS bigint) AS id FROM sys.all_columns x CROSS JOIN sys.all_columns y) g) h)";
    }

    /** Bits of hash {@code var} from {@code shift} upward, modulo {@code mod}. */
    private static String f(String var, int shift, long mod) {
        // literals beyond int range are decimals in T-SQL: the cast keeps the division integral
        return shift == 0 ? "(s." + var + " % " + mod + ")"
                : "((s." + var + " / CAST(" + (1L << shift) + " AS bigint)) % " + mod + ")";
    }

    /** Creation time of row {@code id} of {@code n}: spread over 2008-07-31…2013-12-31 in id order, plus jitter ms. */
    private static String created(String id, long n, String jitterMs) {
        String ms = "(CAST(" + id + " * " + String.format(Locale.ROOT, "%.6f", SPAN_MS / n) + " AS bigint) + " + jitterMs + ")";
        return dateAdd("millisecond", ms + " % 86400000", dateAdd("day", ms + " / 86400000", T0));
    }

    /** DATEADD takes an int count. */
    private static String dateAdd(String part, String count, String base) {
        return "DATEADD(" + part + ", CAST(" + count + " AS int), " + base + ")";
    }

    /**
     * Lower-case hex of the first {@code bytes} bytes of a binary expression, spelled out byte by byte: the shorter
     * {@code CONVERT(varchar, x, 2)} is ignored by Babelfish 4.4 (it converts the raw bytes, failing on non-UTF-8).
     */
    static String hex(String binary, int bytes) {
        StringBuilder sb = new StringBuilder("CONCAT(");
        for (int i = 1; i <= bytes; i++) {
            String b = "CAST(SUBSTRING(" + binary + ", " + i + ", 1) AS int)";
            sb.append(i > 1 ? ", " : "").append("SUBSTRING('0123456789abcdef', ").append(b).append(" / 16 + 1, 1), ")
                    .append("SUBSTRING('0123456789abcdef', ").append(b).append(" % 16 + 1, 1)");
        }
        return sb.append(")").toString();
    }

    private static String pick(List<String> values, String index) {
        return values.stream().map(v -> "N'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "CHOOSE(1 + " + index + ", ", ")"));
    }
}
