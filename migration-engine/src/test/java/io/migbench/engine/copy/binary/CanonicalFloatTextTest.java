package io.migbench.engine.copy.binary;

import io.migbench.engine.testing.TestPostgres;
import io.migbench.engine.verify.RowDigestSql;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * float8out/float4out (Ryu shortest digits, positional vs exponent thresholds) checked value by value against
 * the real server under the checksum session settings, including the threshold neighbours and random bits.
 */
class CanonicalFloatTextTest {

    @Test
    void rendersDoublesAsPostgresFloat8Out() throws Exception {
        List<Double> values = new ArrayList<>(List.of(0.1, 0.3, 1.0 / 3, 100000.0, 1e14, 1e15, 1e16, 123456789012345.6,
                1234567890123456.7, 1e-4, 1.5e-4, 1e-5, 1.5e-7, 1e100, 1e-100, 5e-324, Double.MIN_NORMAL, 2.0e-3,
                9007199254740993.0, 2.82879384806159E17, 4.35E-4, -0.001, 1e22, 1e23, 0.5, 12.25, Math.PI));
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 400; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(d)) {
                values.add(d);
            }
            values.add(Math.scalb(random.nextDouble(), random.nextInt(-20, 60)) * (random.nextBoolean() ? 1 : -1));
            values.add(Math.round(random.nextDouble() * 1e6) / 1e3);
        }
        List<String> pg = pgText("float8", values);
        for (int i = 0; i < values.size(); i++) {
            StringBuilder java = new StringBuilder();
            CanonicalText.appendFloat8(java, values.get(i));
            assertThat(java.toString()).as("float8 text of %s (bits %x)", values.get(i),
                    Double.doubleToLongBits(values.get(i))).isEqualTo(pg.get(i));
        }
    }

    @Test
    void rendersFloatsAsPostgresFloat4Out() throws Exception {
        List<Double> values = new ArrayList<>(List.of(0.1, 100000.0, 1e6, 999999.0, 1234567.0, 1e-4, 1e-5, 1.5e-7,
                (double) Float.MAX_VALUE, (double) Float.MIN_VALUE, (double) Float.MIN_NORMAL, 3.14159f + 0.0, 16777217.0));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 400; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isNaN(f) && !Float.isInfinite(f)) {
                values.add((double) f);
            }
            values.add((double) (float) (Math.scalb(random.nextDouble(), random.nextInt(-20, 30))));
        }
        List<String> pg = pgText("float4", values);
        for (int i = 0; i < values.size(); i++) {
            float f = values.get(i).floatValue();
            StringBuilder java = new StringBuilder();
            CanonicalText.appendFloat4(java, f);
            assertThat(java.toString()).as("float4 text of %s (bits %x)", f, Float.floatToIntBits(f))
                    .isEqualTo(pg.get(i));
        }
    }

    /** The server's text of each value sent as a float8 parameter (exact for float4 after the cast). */
    private static List<String> pgText(String type, List<Double> values) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestPostgres.connect(TestPostgres.url("postgres"))) {
            try (Statement st = c.createStatement()) {
                for (String s : RowDigestSql.SESSION_SETTINGS) {
                    st.execute(s);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT (?::float8)::" + type + "::text")) {
                for (double v : values) {
                    ps.setDouble(1, v);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }
}
