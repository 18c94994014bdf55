package io.migbench.harness.dataset;

import io.migbench.harness.model.DatasetName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The StackOverflow schema (Users, Posts, Votes, Comments, Badges, PostLinks with their real columns,
 * names in PostgreSQL's lower-case snake case) filled with synthetic rows whose widths, NULL rates and
 * table proportions follow StackOverflow2013. Scale 1 is 1/20 of StackOverflow2013: ~5.3M rows,
 * Posts.body ~800 characters on average, Comments.text ~150.
 *
 * <p>Every value is a function of (seed, table, id) through {@code hashint8extended}, never
 * {@code random()}, so the same seed gives the same rows whatever the chunking and concurrency; text is
 * cut from a per-seed {@link Corpus}. Keys are added after the data.
 */
public final class StackOverflowDataset implements Dataset {
    /** Row counts of StackOverflow2013. */
    static final Map<String, Long> FULL_SIZE = orderedMap(
            "users", 2_465_713L, "posts", 17_142_169L, "votes", 52_928_720L,
            "comments", 24_534_730L, "badges", 8_042_005L, "post_links", 1_421_208L);
    /** Scale 1 is this fraction of StackOverflow2013. */
    static final double SCALE_ONE_FRACTION = 1.0 / 20;
    /** Rows per insert statement, per table, sized to a few tens of MB of data each. */
    static final Map<String, Long> CHUNK_ROWS = orderedMap(
            "users", 100_000L, "posts", 60_000L, "votes", 400_000L,
            "comments", 200_000L, "badges", 400_000L, "post_links", 400_000L);
    /** Approximate stored bytes per row, for scheduling the costliest chunks first. */
    static final Map<String, Long> ROW_BYTES = orderedMap(
            "users", 120L, "posts", 950L, "votes", 60L, "comments", 220L, "badges", 70L, "post_links", 60L);

    private static final String T0 = "timestamp '2008-07-31 00:00:00'";
    /** 2008-07-31 … 2013-12-31, the span of StackOverflow2013, in milliseconds. */
    static final double SPAN_MS = 1980.0 * 86_400_000;

    static final String DDL = """
            CREATE TABLE "users" (
                "id" integer NOT NULL, "about_me" text, "age" integer, "creation_date" timestamp(3) NOT NULL,
                "display_name" varchar(40) NOT NULL, "down_votes" integer NOT NULL, "email_hash" varchar(40),
                "last_access_date" timestamp(3) NOT NULL, "location" varchar(100), "reputation" integer NOT NULL,
                "up_votes" integer NOT NULL, "views" integer NOT NULL, "website_url" varchar(200), "account_id" integer);
            CREATE TABLE "posts" (
                "id" integer NOT NULL, "accepted_answer_id" integer, "answer_count" integer, "body" text NOT NULL,
                "closed_date" timestamp(3), "comment_count" integer, "community_owned_date" timestamp(3),
                "creation_date" timestamp(3) NOT NULL, "favorite_count" integer, "last_activity_date" timestamp(3) NOT NULL,
                "last_edit_date" timestamp(3), "last_editor_display_name" varchar(40), "last_editor_user_id" integer,
                "owner_user_id" integer, "parent_id" integer, "post_type_id" integer NOT NULL, "score" integer NOT NULL,
                "tags" varchar(150), "title" varchar(250), "view_count" integer NOT NULL);
            CREATE TABLE "votes" (
                "id" integer NOT NULL, "post_id" integer NOT NULL, "user_id" integer, "bounty_amount" integer,
                "vote_type_id" integer NOT NULL, "creation_date" timestamp(3) NOT NULL);
            CREATE TABLE "comments" (
                "id" integer NOT NULL, "creation_date" timestamp(3) NOT NULL, "post_id" integer NOT NULL,
                "score" integer, "text" varchar(700) NOT NULL, "user_id" integer);
            CREATE TABLE "badges" (
                "id" integer NOT NULL, "name" varchar(40) NOT NULL, "user_id" integer NOT NULL, "date" timestamp(3) NOT NULL);
            CREATE TABLE "post_links" (
                "id" integer NOT NULL, "creation_date" timestamp(3) NOT NULL, "post_id" integer NOT NULL,
                "related_post_id" integer NOT NULL, "link_type_id" integer NOT NULL)""";

    static final List<String> BADGES = List.of("Student", "Teacher", "Supporter", "Editor", "Autobiographer",
            "Scholar", "Popular Question", "Notable Question", "Nice Answer", "Yearling", "Commentator", "Critic",
            "Organizer", "Famous Question", "Necromancer", "Enlightened", "Good Answer", "Nice Question", "Revival",
            "Custodian", "Tumbleweed", "Citizen Patrol", "Informed", "Caucus", "Constituent", "Civic Duty",
            "Good Question", "Guru", "Great Answer", "Stellar Question", "Announcer", "Booster", "Peer Pressure",
            "Self-Learner", "Excavator", "Archaeologist", "Mortarboard", "Epic", "Fanatic", "Enthusiast",
            "Strunk & White", "Copy Editor", "Sportsmanship", "Favorite Question", "Explainer", "Refiner", "Pundit",
            "Investor", "Promoter", "Altruist", "python", "java", "c#", "javascript", "Student", "Teacher",
            "Supporter", "Editor", "Popular Question", "Student", "Teacher", "Supporter", "Autobiographer");
    static final List<String> TAGS = List.of("java", "c#", "javascript", "php", "android", "jquery",
            "python", "html", "c++", "ios", "mysql", "css", "sql", "asp.net", "objective-c", ".net", "iphone",
            "ruby-on-rails", "c", "ruby", "sql-server", "ajax", "xml", "regex", "arrays", "json", "linux", "wpf",
            "django", "database", "eclipse", "string", "windows", "git", "spring", "node.js", "excel",
            "multithreading", "bash", "performance");
    static final List<String> LOCATIONS = List.of("United States", "London, United Kingdom",
            "Bangalore, India", "Germany", "San Francisco, CA", "New York, NY", "Paris, France", "Toronto, Canada",
            "São Paulo, Brazil", "Moscow, Russia", "Sydney, Australia", "Beijing, China", "Seattle, WA",
            "Chennai, India", "Berlin, Germany", "Amsterdam, Netherlands", "Stockholm, Sweden",
            "Zürich, Switzerland", "Tokyo, Japan", "Kraków, Poland");
    static final List<String> NAMES = List.of("John", "David", "Michael", "Chris", "Alex", "Daniel",
            "James", "Mark", "Peter", "Paul", "Tom", "Ben", "Sam", "Nick", "Matt", "Anna", "Maria", "Mike",
            "Rahul", "Ahmed", "Wei", "Jörg", "Łukasz", "José", "user");

    @Override
    public String name() {
        return DatasetName.STACKOVERFLOW.yamlName();
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.copyOf(FULL_SIZE.keySet());
    }

    /** Rows at {@code scale}: StackOverflow2013's count × scale / 20, at least one row per table. */
    @Override
    public Map<String, Long> expectedRows(double scale) {
        Map<String, Long> out = new LinkedHashMap<>();
        FULL_SIZE.forEach((t, n) -> out.put(t, Math.max(1, Math.round(n * SCALE_ONE_FRACTION * scale))));
        return out;
    }

    @Override
    public LoadPlan plan(SqlDialect dialect, double scale, long seed) {
        return dialect == SqlDialect.SQLSERVER ? SqlServerStackOverflowPlan.plan(this, scale, seed) : plan(scale, seed);
    }

    @Override
    public LoadPlan plan(double scale, long seed) {
        Map<String, Long> n = expectedRows(scale);
        String[] corpus = Corpus.build(seed);
        List<LoadPlan.Chunk> chunks = new ArrayList<>();
        Map<String, List<String>> finish = new LinkedHashMap<>();
        List<Integer> salts = List.of(1, 2, 3, 4, 5, 6);
        int i = 0;
        for (String table : tables()) {
            int salt = salts.get(i++);
            long rows = n.get(table);
            long step = CHUNK_ROWS.get(table);
            for (long lo = 1; lo <= rows; lo += step) {
                long hi = Math.min(rows + 1, lo + step);
                String select = select(table, n);
                String sql = "INSERT INTO " + SqlDialect.POSTGRESQL.quote(table) + " " + select.replace("%SOURCE%", source(lo, hi, seed, salt));
                boolean needsCorpus = sql.contains("k.t");
                chunks.add(new LoadPlan.Chunk(table, "id [" + lo + ", " + hi + ")", hi - lo,
                        (hi - lo) * (double) ROW_BYTES.get(table), needsCorpus ? sql + ", (SELECT ?::text[] AS t) k" : sql,
                        needsCorpus ? List.of((Object) corpus) : List.of()));
            }
            finish.put(table, List.of(
                    "ALTER TABLE " + SqlDialect.POSTGRESQL.quote(table) + " ADD PRIMARY KEY (\"id\")",
                    "VACUUM (ANALYZE) " + SqlDialect.POSTGRESQL.quote(table),
                    markerStatement(SqlDialect.POSTGRESQL, table, scale, seed)));
        }
        List<String> setup = new ArrayList<>();
        tables().forEach(t -> setup.add("DROP TABLE IF EXISTS " + SqlDialect.POSTGRESQL.quote(t)));
        setup.addAll(List.of(DDL.split(";\n")));
        return new LoadPlan(tables(), setup, chunks, finish);
    }

    /** The SELECT list of each table over {@code %SOURCE%}: rows {@code s(id, a, b, c, d)} with four hashes. */
    private static String select(String table, Map<String, Long> n) {
        long users = n.get("users");
        long posts = n.get("posts");
        return switch (table) {
            case "users" -> """
                    SELECT s.id, CASE WHEN %s < 35 THEN '<p>' || %s || '</p>' END,
                      CASE WHEN %s < 20 THEN 16 + %s END, %s,
                      %s || CASE WHEN %s = 0 THEN '' ELSE ' ' || %s END,
                      CASE WHEN %s < 90 THEN 0 ELSE %s END,
                      CASE WHEN %s < 3 THEN md5(s.id::text) END,
                      %s + interval '1 millisecond' * %s,
                      CASE WHEN %s < 30 THEN %s END,
                      CASE WHEN %s < 55 THEN 1 ELSE 1 + %s * %s END,
                      %s, %s,
                      CASE WHEN %s < 15 THEN 'http://www.example' || s.id || '.com/' END,
                      CASE WHEN %s < 2 THEN NULL ELSE s.id + 1000 END
                    FROM %%SOURCE%%""".formatted(
                    f("a", 0, 100), cut(f("a", 8, Corpus.FRAGMENTS), f("a", 16, 400), "20 + " + f("a", 24, 500)),
                    f("b", 0, 100), f("b", 8, 50), created("s.id", users, f("b", 16, 86_400_000)),
                    pick(NAMES, f("c", 0, NAMES.size())), f("c", 8, 4), f("c", 12, 100000),
                    f("c", 32, 100), f("c", 40, 500),
                    f("d", 0, 100),
                    created("s.id", users, "0"), f("d", 8, 30L * 86_400_000),
                    f("a", 40, 100), pick(LOCATIONS, f("a", 48, LOCATIONS.size())),
                    f("b", 40, 100), f("b", 48, 300), f("c", 48, 50),
                    f("d", 24, 1000), f("d", 40, 2000),
                    f("d", 52, 100),
                    f("c", 20, 100));
            case "posts" -> """
                    SELECT s.id,
                      CASE WHEN s.tp < 40 AND %s < 55 THEN LEAST(%d, s.id + 1 + %s) END,
                      CASE WHEN s.tp < 40 THEN %s END,
                      '<p>' || %s || '</p>',
                      CASE WHEN s.tp < 40 AND %s < 5 THEN %s + interval '1 day' * %s END,
                      %s,
                      CASE WHEN %s < 5 THEN %s + interval '1 hour' * %s END,
                      %s,
                      CASE WHEN s.tp < 40 AND %s < 25 THEN %s END,
                      %s + interval '1 second' * %s,
                      CASE WHEN %s < 40 THEN %s + interval '1 second' * %s END,
                      CASE WHEN %s < 1 THEN 'user' || %s END,
                      CASE WHEN %s < 40 THEN 1 + %s END,
                      CASE WHEN %s < 1 THEN NULL ELSE 1 + %s END,
                      CASE WHEN s.tp >= 40 AND s.tp < 98 THEN GREATEST(1, s.id - 1 - %s) END,
                      CASE WHEN s.tp < 40 THEN 1 WHEN s.tp < 98 THEN 2 ELSE 3 + %s END,
                      %s - 3,
                      CASE WHEN s.tp < 40 THEN '<' || %s || '><' || %s || '>' END,
                      CASE WHEN s.tp < 40 THEN %s END,
                      CASE WHEN s.tp < 40 THEN %s ELSE 0 END
                    FROM (SELECT *, %s AS tp FROM %%SOURCE%% OFFSET 0) s""".formatted(
                    f("b", 0, 100), posts, f("b", 8, 20),
                    f("b", 16, 8),
                    cut(f("c", 0, Corpus.FRAGMENTS), f("c", 8, 500), "50 + " + f("c", 16, 700) + " + " + f("c", 26, 700)
                            + " + CASE WHEN " + f("c", 36, 50) + " = 0 THEN 3000 ELSE 0 END"),
                    f("d", 0, 100), created("s.id", posts, "0"), f("d", 8, 300),
                    f("d", 16, 6),
                    f("d", 20, 1000), created("s.id", posts, "0"), f("d", 30, 1000),
                    created("s.id", posts, f("a", 8, 3_600_000)),
                    f("d", 40, 100), f("d", 48, 200),
                    created("s.id", posts, "0"), f("b", 20, 30_000_000),
                    f("b", 28, 100), created("s.id", posts, "0"), f("b", 36, 10_000_000),
                    f("b", 28, 1000), f("b", 40, 100000),
                    f("b", 28, 100), f("c", 8, users),
                    f("a", 20, 100), f("a", 24, users),
                    f("a", 32, 1000),
                    f("a", 40, 6),
                    f("d", 52, 40),
                    pick(TAGS, f("c", 44, TAGS.size())), pick(TAGS, f("c", 52, TAGS.size())),
                    cut(f("a", 44, Corpus.FRAGMENTS), f("b", 52, 400), "20 + " + f("d", 56, 100)),
                    f("b", 48, 5000),
                    f("a", 0, 100));
            case "votes" -> """
                    SELECT s.id, 1 + %s,
                      CASE WHEN s.vt IN (5, 8) THEN 1 + %s END,
                      CASE WHEN s.vt IN (8, 9) THEN 50 * (1 + %s) END,
                      s.vt,
                      date '2008-07-31' + (s.id::bigint * 1980 / %d)::integer
                    FROM (SELECT *, CASE WHEN %s < 70 THEN 2 WHEN %s < 80 THEN 1 WHEN %s < 86 THEN 3 WHEN %s < 96 THEN 5
                                        WHEN %s < 97 THEN 8 WHEN %s < 98 THEN 9 ELSE 6 + %s END AS vt
                          FROM %%SOURCE%% OFFSET 0) s""".formatted(
                    f("a", 0, posts), f("b", 0, users), f("b", 32, 10), n.get("votes"),
                    f("a", 48, 100), f("a", 48, 100), f("a", 48, 100), f("a", 48, 100), f("a", 48, 100),
                    f("a", 48, 100), f("b", 48, 2));
            case "comments" -> """
                    SELECT s.id, %s, 1 + %s,
                      CASE WHEN %s < 80 THEN 0 ELSE %s END,
                      %s,
                      CASE WHEN %s < 1 THEN NULL ELSE 1 + %s END
                    FROM %%SOURCE%%""".formatted(
                    created("s.id", n.get("comments"), f("b", 40, 3_600_000)), f("a", 0, posts),
                    f("a", 40, 100), f("a", 48, 10),
                    cut(f("b", 0, Corpus.FRAGMENTS), f("b", 8, 1000), "15 + " + f("b", 20, 135) + " + " + f("b", 30, 135)),
                    f("c", 0, 100), f("c", 8, users));
            case "badges" -> """
                    SELECT s.id, %s, 1 + %s, %s FROM %%SOURCE%%""".formatted(
                    pick(BADGES, f("a", 0, BADGES.size())), f("a", 8, users),
                    created("s.id", n.get("badges"), f("a", 40, 3_600_000)));
            case "post_links" -> """
                    SELECT s.id, %s, 1 + %s, 1 + %s, CASE WHEN %s < 85 THEN 1 ELSE 3 END FROM %%SOURCE%%""".formatted(
                    created("s.id", n.get("post_links"), f("a", 48, 3_600_000)), f("a", 0, posts), f("b", 0, posts),
                    f("c", 0, 100));
            default -> throw new IllegalStateException("no generator for table " + table);
        };
    }

    /**
     * Rows {@code id} in [lo, hi) with four independent non-negative 63-bit hashes of (seed, table, id).
     * {@code OFFSET 0} keeps the planner from inlining (and so recomputing) the hashes at every use.
     */
    private static String source(long lo, long hi, long seed, int salt) {
        String hashes = Stream.of("a", "b", "c", "d")
                .map(v -> "(hashint8extended(g, " + mix(seed, salt * 8L + v.charAt(0)) + ") & 9223372036854775807) AS " + v)
                .collect(Collectors.joining(", "));
        return "(SELECT g::integer AS id, " + hashes + " FROM generate_series(" + lo + "::bigint, " + (hi - 1)
                + "::bigint) g OFFSET 0) s";
    }

    /**
     * {@code len} characters from {@code offset} in corpus fragment {@code fragment}. Fragments are short
     * because substr() on UTF-8 text walks from the start of the string: cutting from one long text made
     * every row pay for the whole prefix.
     */
    private static String cut(String fragment, String offset, String len) {
        return "substr(k.t[1 + " + fragment + "::integer], (1 + " + offset + ")::integer, (" + len + ")::integer)";
    }

    /** Bits of hash {@code var} from {@code shift} upward, modulo {@code mod}. */
    private static String f(String var, int shift, long mod) {
        return "((s." + var + " >> " + shift + ") % " + mod + ")";
    }

    /** Creation time of row {@code id} of {@code n}: spread over 2008-07-31…2013-12-31 in id order, plus jitter ms. */
    private static String created(String id, long n, String jitterMs) {
        return "(" + T0 + " + interval '1 millisecond' * (" + id + "::float8 * "
                + String.format(Locale.ROOT, "%.6f", SPAN_MS / n) + " + " + jitterMs + "))";
    }

    private static String pick(List<String> values, String index) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(",", "(ARRAY[", "])[1 + " + index + "::integer]"));
    }

    /** SplitMix64 finalizer: independent hash salts from (seed, table, hash variable). */
    static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked") V v = (V) keysAndValues[i + 1];
            m.put((String) keysAndValues[i], v);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
