package io.migbench.engine.copy.binary;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encodes rows of every mapped type, COPYs them into real PostgreSQL, reads them back and compares checksums. */
class PgBinaryWriterRoundTripTest {
    private static final String[][] COLUMNS = {
            {"id", "integer"}, {"b", "boolean"}, {"i2", "smallint"}, {"i4", "integer"}, {"i8", "bigint"},
            {"f4", "real"}, {"f8", "double precision"}, {"n", "numeric(38,10)"}, {"money", "numeric(19,4)"},
            {"t", "text"}, {"vc", "varchar(10)"}, {"c", "char(5)"}, {"bin", "bytea"}, {"d", "date"},
            {"tm", "time(6)"}, {"tm0", "time(0)"}, {"ts", "timestamp(6)"}, {"ts3", "timestamp(3)"},
            {"tstz", "timestamptz(6)"}, {"u", "uuid"}, {"x", "xml"}};
    private static String url;

    @BeforeAll
    static void database() {
        url = TestPostgres.newDatabase("binary_roundtrip");
    }

    @Test
    void copiesEveryMappedTypeWithEdgeValuesAndChecksumsMatch() throws Exception {
        List<Object[]> rows = List.of(
                row(1, false, (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE, -Float.MAX_VALUE, -Double.MAX_VALUE,
                        new BigDecimal("-9999999999999999999999999999.9999999999"),
                        new BigDecimal("-922337203685477.5808"), "", "", "", new byte[0],
                        LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                        LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(1, 1, 1, 0, 0),
                        OffsetDateTime.of(1, 1, 2, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)),
                        new UUID(0, 0), "<a/>"),
                row(2, true, (short) 32767, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE, Double.MAX_VALUE,
                        new BigDecimal("9999999999999999999999999999.9999999999"),
                        new BigDecimal("922337203685477.5807"), "😀 naïve 日本語 \t\n\\ \"'", "𝄞bcdefghi𝄞",
                        "ab", new byte[]{0, 1, 0, (byte) 0xFF, 0},
                        LocalDate.of(9999, 12, 31), LocalTime.of(23, 59, 59, 999_999_900),
                        LocalTime.of(23, 59, 59, 400_000_000),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
                        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_500_000),
                        OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900, ZoneOffset.ofHoursMinutes(-9, -30)),
                        UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"), "<r a=\"é\">𝄞 text<b/></r>"),
                row(3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null),
                row(4, true, (short) 0, 0, 0L, Float.NaN, Double.POSITIVE_INFINITY, new BigDecimal("0.0000000001"),
                        new BigDecimal("-0.5"), "x", "y", "abcde", new byte[]{0},
                        LocalDate.of(2000, 1, 1), LocalTime.of(12, 0, 0, 1000), LocalTime.of(12, 0, 0, 500_000_000),
                        LocalDateTime.of(1999, 12, 31, 23, 59, 59, 1000),
                        LocalDateTime.of(2024, 2, 29, 12, 0, 0, 999_600_000),
                        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000, ZoneOffset.ofHoursMinutes(-9, -30)),
                        UUID.fromString("00000000-0000-0000-0000-000000000001"), "fragment <i>x</i> tail"),
                row(5, false, (short) -1, -1, -1L, Float.NEGATIVE_INFINITY, -0.0, new BigDecimal("12345.6"),
                        new BigDecimal("214748.3647"), " leading and trailing ", "é", "  x  ", new byte[]{127},
                        LocalDate.of(1970, 1, 1), LocalTime.of(0, 0, 0, 999_000), LocalTime.of(1, 2, 3),
                        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
                        LocalDateTime.of(1900, 1, 1, 0, 0, 0, 3_000_000),
                        OffsetDateTime.of(2024, 6, 30, 23, 59, 59, 0, ZoneOffset.UTC),
                        UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), "<?xml version=\"1.0\"?><a/>"),
                row(6, true, (short) 7, 7, 7L, 1.5e-7f, 1e100, new BigDecimal("1E+3"), new BigDecimal("0"),
                        "a".repeat(300), "", "é", new byte[300], LocalDate.of(2024, 2, 29),
                        LocalTime.of(10, 0), LocalTime.of(10, 0), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 100_000_000),
                        LocalDateTime.of(2024, 1, 2, 3, 4, 5), OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0,
                        ZoneOffset.ofHours(14)), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), ""));

        List<PgColumnType> types = Arrays.stream(COLUMNS).map(c -> PgColumnType.parse(c[1])).toList();
        List<String> quoted = Arrays.stream(COLUMNS).map(c -> "\"" + c[0] + "\"").toList();
        try (Connection c = TestPostgres.connect(url)) {
            create(c, "\"all_types\"");
            BinaryCopyFixture.Result result = BinaryCopyFixture.copy(c, "\"all_types\"", types, rows,
                    NulPolicy.reject());

            assertThat(result.copiedRows()).as("rows PostgreSQL reports for the COPY").isEqualTo(rows.size());
            assertThat(result.digest().rows()).as("rows hashed in Java").isEqualTo(rows.size());
            assertThat(BinaryCopyFixture.pgRowTexts(c, "\"all_types\"", quoted, "\"id\""))
                    .as("PostgreSQL's canonical text of each row equals the Java rendering")
                    .containsExactlyElementsOf(result.javaRowTexts());
            Object[] pg = BinaryCopyFixture.pgCountAndChecksum(c, "\"all_types\"", quoted);
            assertThat(pg[0]).as("count(*)").isEqualTo((long) rows.size());
            assertThat(pg[1]).as("PostgreSQL checksum equals the Java digest sum").isEqualTo(result.digest().sum());
            assertTypedValuesReadBack(c);
        }
    }

    private static void assertTypedValuesReadBack(Connection c) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT n, money, t, vc, c, bin, tstz, u, ts, tm0, ts3, f8, d, i8 "
                     + "FROM all_types ORDER BY id")) {
            rs.next();
            assertThat(rs.getBigDecimal("n")).as("38-digit negative numeric")
                    .isEqualTo(new BigDecimal("-9999999999999999999999999999.9999999999"));
            assertThat(rs.getBigDecimal("money")).isEqualTo(new BigDecimal("-922337203685477.5808"));
            assertThat(rs.getString("t")).as("empty string is not NULL").isEmpty();
            assertThat(rs.getBytes("bin")).as("empty bytea").isEmpty();
            assertThat(rs.getLong("i8")).isEqualTo(Long.MIN_VALUE);
            assertThat(rs.getObject("tstz", OffsetDateTime.class).toInstant())
                    .isEqualTo(OffsetDateTime.of(1, 1, 2, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)).toInstant());
            rs.next();
            assertThat(rs.getString("t")).as("unicode outside the BMP").isEqualTo("😀 naïve 日本語 \t\n\\ \"'");
            assertThat(rs.getString("vc")).isEqualTo("𝄞bcdefghi𝄞");
            assertThat(rs.getString("c")).as("char(5) is blank-padded").isEqualTo("ab   ");
            assertThat(rs.getBytes("bin")).as("binary with zero bytes").containsExactly(0, 1, 0, 0xFF, 0);
            assertThat(rs.getObject("tstz", OffsetDateTime.class).toInstant()).as("-09:30 offset, 100 ns truncated")
                    .isEqualTo(OffsetDateTime.of(10000, 1, 1, 9, 29, 59, 999_999_000, ZoneOffset.UTC).toInstant());
            assertThat(rs.getObject("u", UUID.class)).isEqualTo(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"));
            assertThat(rs.getObject("ts", LocalDateTime.class)).as("nanoseconds truncated to microseconds")
                    .isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
            assertThat(rs.getObject("ts3", LocalDateTime.class)).as("PostgreSQL rounds to timestamp(3)")
                    .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 124_000_000));
            assertThat(rs.getDouble("f8")).isEqualTo(Double.MAX_VALUE);
            rs.next();
            assertThat(rs.getObject("n")).as("NULL numeric").isNull();
            assertThat(rs.getObject("t")).as("NULL text").isNull();
            rs.next();
            assertThat(rs.getString("tm0")).as("time(0) rounds half up").isEqualTo("12:00:01");
            assertThat(rs.getDouble("f8")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(rs.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(2000, 1, 1));
        }
    }

    @Test
    void rejectsNulInTextNamingTheFieldUnlessAReplacementIsSet() throws Exception {
        List<PgColumnType> types = List.of(PgColumnType.of(PgFieldKind.INT4), PgColumnType.of(PgFieldKind.TEXT));
        try (Connection c = TestPostgres.connect(url)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE nul_reject (id integer, t text)");
                st.execute("CREATE TABLE nul_replace (id integer, t text)");
            }
            List<Object[]> rows = List.of(new Object[]{1, "ok"}, new Object[]{2, "a\0b"});
            assertThatThrownBy(() -> BinaryCopyFixture.copy(c, "nul_reject", types, rows, NulPolicy.reject()))
                    .as("NUL is an error naming the field")
                    .isInstanceOf(UnencodableTextException.class)
                    .hasMessageContaining("field 1")
                    .hasMessageContaining("NUL");
            assertThat(count(c, "nul_reject")).as("the failed COPY left no rows").isZero();

            BinaryCopyFixture.Result replaced = BinaryCopyFixture.copy(c, "nul_replace", types, rows,
                    NulPolicy.replaceWith("\uFFFD"));
            assertThat(replaced.copiedRows()).isEqualTo(2);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT t FROM nul_replace WHERE id = 2")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("a\uFFFDb");
            }
            Object[] pg = BinaryCopyFixture.pgCountAndChecksum(c, "nul_replace", List.of("id", "t"));
            assertThat(pg[1]).as("digest applies the same replacement").isEqualTo(replaced.digest().sum());
        }
    }

    @Test
    void rejectsUnpairedSurrogate() {
        PgBinaryWriter w = new PgBinaryWriter(1, new OutputStreamChunkSink(java.io.OutputStream.nullOutputStream()),
                new Chunk(64), NulPolicy.replaceWith(""));
        w.startRow();
        assertThatThrownBy(() -> w.writeText("ab\uD800c")).isInstanceOf(UnencodableTextException.class)
                .hasMessageContaining("unpaired");
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void create(Connection c, String table) throws Exception {
        List<String> defs = new ArrayList<>();
        for (String[] col : COLUMNS) {
            defs.add("\"" + col[0] + "\" " + col[1]);
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (" + String.join(", ", defs) + ")");
        }
    }

    private static Object[] row(Object... values) {
        if (values.length != COLUMNS.length) {
            throw new IllegalArgumentException("row has " + values.length + " values, table " + COLUMNS.length);
        }
        return values;
    }
}
