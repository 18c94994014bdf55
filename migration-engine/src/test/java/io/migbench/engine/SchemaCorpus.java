package io.migbench.engine;

import java.util.List;

import static io.migbench.engine.Databases.exec;

/**
 * A source with the shapes production PostgreSQL schemas have: range, list and hash partitioning (multi-level,
 * default partitions, a partition in another schema), composite, enum, domain and range types used inside each
 * other and in arrays, CHECK (valid and NOT VALID), UNIQUE, exclusion and foreign keys (one to a partitioned
 * table), defaults, standalone and serial sequences, comments, views over views, a materialized view with an index,
 * and objects the engine does not migrate. Nasty values live in partitioned and composite-typed columns.
 */
final class SchemaCorpus {
    /** Relations holding rows, compared row by row (leaves, their parents, plain tables, the materialized view). */
    static final List<String> ROW_RELATIONS = List.of("public.events", "public.events_2023", "public.events_2024",
            "public.events_2024_ab", "public.events_2024_other", "public.events_default", "public.hashed",
            "part.hashed_0", "part.hashed_1", "part.hashed_2", "public.refs", "public.bookings", "public.legacy",
            "public.typed", "public.mv_kinds");

    /** What the engine reports as not migrated, in its words. */
    static final String NOT_MIGRATED = "not migrated: 2 functions (public.f(integer), public.touch()),"
            + " 1 procedure (public.p()), 1 trigger (trg on public.refs), 1 policy (pol on public.refs),"
            + " 1 row-level security setting (on public.refs), 1 rule (no_delete on public.bookings),"
            + " 1 grant list (on public.refs), 1 publication (pub),"
            + " 1 view (public.v_uses_f [uses function public.f(integer), which is not migrated])";

    private SchemaCorpus() {}

    private static final String NASTY = "(ARRAY[NULL, '', E'tab\\there', E'new\\nline', 'quote''s \"dq\"', E'back\\\\slash',"
            + " 'ünïcødé 漢字 🚀', '\\N', '(1,\"x\")', ' lead and trail ', E'cr\\r'])[1 + g % 11]";

    static void create(String url) {
        exec(url,
                "CREATE SCHEMA part",
                // out of OID order: early uses late, which exists only after it
                "CREATE TYPE early AS (x int)",
                "CREATE TYPE late AS ENUM ('l1', 'l2')",
                "ALTER TYPE early ADD ATTRIBUTE l late",
                "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN positive AS integer DEFAULT 1 CONSTRAINT positive_check CHECK (VALUE > 0)",
                "CREATE DOMAIN code AS text COLLATE \"C\" NOT NULL CHECK (length(VALUE) < 40)",
                "CREATE DOMAIN small AS integer",
                "CREATE TYPE floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi)",
                "CREATE TYPE pair AS (a integer, b text)",
                "CREATE TYPE tagged AS (p pair, m mood, moods mood[], r floatrange, d positive, e early)",
                "CREATE SEQUENCE standalone_seq START 100 INCREMENT 5",
                "SELECT nextval('standalone_seq') FROM generate_series(1, 3)",
                "CREATE SEQUENCE never_used_seq",
                // range partitions, one sub-partitioned by list, and a default
                "CREATE TABLE events (id bigserial, ts timestamptz NOT NULL, kind text NOT NULL DEFAULT 'a', payload pair,"
                        + " note text, amount numeric(20, 4) DEFAULT 0, PRIMARY KEY (id, ts, kind),"
                        + " CONSTRAINT amount_sane CHECK (amount > -1e12)) PARTITION BY RANGE (ts)",
                "CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')",
                "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (kind)",
                "CREATE TABLE events_2024_ab PARTITION OF events_2024 FOR VALUES IN ('a', 'b')",
                "CREATE TABLE events_2024_other PARTITION OF events_2024 DEFAULT",
                "CREATE TABLE events_default PARTITION OF events DEFAULT",
                "CREATE INDEX events_kind_idx ON events (kind)",
                "CREATE INDEX events_2023_note_idx ON events_2023 (note)",
                "ALTER TABLE events_2023 ADD CONSTRAINT events_2023_amount CHECK (amount >= -100)",
                "INSERT INTO events (ts, kind, payload, note, amount) SELECT timestamptz '2023-01-01 00:00:00+00' + g * interval '97 minutes',"
                        + " (ARRAY['a', 'b', 'c', 'zz'])[1 + g % 4], CASE WHEN g % 9 = 0 THEN NULL ELSE ROW(g, " + NASTY + ")::pair END,"
                        + " " + NASTY + ", (g % 1000) - 99.5 FROM generate_series(1, 12000) g",
                "INSERT INTO events (ts, kind, payload, note, amount) VALUES ('infinity', 'a', ROW(NULL, NULL), NULL, NULL),"
                        + " ('-infinity', 'q', ROW(2147483647, ''), E'\\\\', 99999999999999.9999),"
                        + " ('1999-12-31 23:59:59.999999+00', 'b', ROW(-2147483648, E'\\t\\n'), 'x', -0.0001)",
                // hash partitions in another schema, a composite of composites in them
                "CREATE TABLE hashed (id integer PRIMARY KEY, v code, t tagged, ts tagged[]) PARTITION BY HASH (id)",
                "CREATE TABLE part.hashed_0 PARTITION OF hashed FOR VALUES WITH (MODULUS 3, REMAINDER 0)",
                "CREATE TABLE part.hashed_1 PARTITION OF hashed FOR VALUES WITH (MODULUS 3, REMAINDER 1)",
                "CREATE TABLE part.hashed_2 PARTITION OF hashed FOR VALUES WITH (MODULUS 3, REMAINDER 2)",
                "INSERT INTO hashed SELECT g, 'c' || g, CASE WHEN g % 7 = 0 THEN NULL ELSE ROW(ROW(g, " + NASTY + ")::pair,"
                        + " (ARRAY['sad', 'ok', 'happy'])[1 + g % 3]::mood, ARRAY['ok', NULL]::mood[],"
                        + " floatrange(g / 3.0, g + 0.5), 1 + g % 5, ROW(g, 'l2')::early)::tagged END,"
                        + " ARRAY[ROW(ROW(1, 'a\"b')::pair, 'sad', '{}', 'empty', NULL, NULL)::tagged, NULL] FROM generate_series(1, 3000) g",
                // a plain table with a foreign key to the partitioned one, unique, and the objects not migrated
                "CREATE TABLE refs (id integer PRIMARY KEY, hashed_id integer REFERENCES hashed, label text DEFAULT 'r' || 'x',"
                        + " CONSTRAINT refs_hashed_unique UNIQUE (hashed_id))",
                "INSERT INTO refs SELECT g, g, NULL FROM generate_series(1, 500) g",
                "CREATE FUNCTION f(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1 + 1'",
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
                "CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1'",
                "CREATE TRIGGER trg BEFORE INSERT ON refs FOR EACH ROW EXECUTE FUNCTION touch()",
                "ALTER TABLE refs ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY pol ON refs USING (true)",
                "GRANT SELECT ON refs TO PUBLIC",
                "CREATE PUBLICATION pub FOR TABLE refs",
                // exclusion constraint on a user range type, and a rule
                "CREATE TABLE bookings (id integer PRIMARY KEY, during floatrange, rooms int4multirange,"
                        + " CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&))",
                "INSERT INTO bookings SELECT g, floatrange(g, g + 0.5), int4multirange(int4range(g, g + 2), int4range(g + 5, NULL))"
                        + " FROM generate_series(1, 300) g",
                "INSERT INTO bookings VALUES (0, 'empty', '{}'), (-1, NULL, NULL), (-2, NULL, '{(,)}')",
                "CREATE RULE no_delete AS ON DELETE TO bookings DO INSTEAD NOTHING",
                // NOT VALID constraints hold although rows break them
                "CREATE TABLE legacy (id integer PRIMARY KEY, v integer, s small, ref integer, d positive)",
                "INSERT INTO legacy VALUES (1, -5, 50, 999, 3), (2, 5, 5, 1, DEFAULT)",
                "ALTER TABLE legacy ADD CONSTRAINT v_positive CHECK (v > 0) NOT VALID",
                "ALTER TABLE legacy ADD CONSTRAINT legacy_ref FOREIGN KEY (ref) REFERENCES refs NOT VALID",
                "ALTER DOMAIN small ADD CONSTRAINT small_check CHECK (VALUE < 10) NOT VALID",
                "CREATE TABLE typed (id serial PRIMARY KEY, e early, ea early[], moods mood[], r floatrange[], c code,"
                        + " mr floatmultirange, p pair DEFAULT ROW(0, 'zero'))",
                "INSERT INTO typed (e, ea, moods, r, c, mr) SELECT ROW(g, 'l1')::early, ARRAY[ROW(g, NULL)::early, NULL],"
                        + " '{happy,sad}', ARRAY[floatrange(g, g + 1)], " + NASTY.replace("NULL, ", "'n', ")
                        + ", floatmultirange(floatrange(g, g + 1)) FROM generate_series(1, 400) g",
                "COMMENT ON TABLE events IS 'events, it''s partitioned'",
                "COMMENT ON COLUMN events.kind IS E'kind\\nof event'",
                "COMMENT ON TABLE part.hashed_1 IS 'a leaf'",
                "COMMENT ON COLUMN legacy.v IS 'may be negative (NOT VALID)'",
                // views over views, a materialized view with an index, a view that cannot be migrated
                "CREATE VIEW v_events AS SELECT id, kind, (payload).b AS b FROM events WHERE kind <> 'zz'",
                "CREATE VIEW v_kinds WITH (security_barrier = true) AS SELECT kind, count(*) AS n FROM v_events GROUP BY kind",
                "CREATE MATERIALIZED VIEW mv_kinds AS SELECT kind, n FROM v_kinds",
                "CREATE UNIQUE INDEX mv_kinds_kind ON mv_kinds (kind)",
                "COMMENT ON VIEW v_kinds IS 'kinds'",
                "COMMENT ON MATERIALIZED VIEW mv_kinds IS 'kinds, stored'",
                "CREATE VIEW v_uses_f AS SELECT f(id) AS g FROM refs",
                "ANALYZE");
    }
}
