package io.migbench.engine.copy.binary.bench;

import io.migbench.engine.copy.binary.Chunk;
import io.migbench.engine.copy.binary.NulPolicy;
import io.migbench.engine.copy.binary.PgBinaryWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Binary COPY encoding of Posts-shaped rows: a ~800-character body (mostly ASCII, some accented and CJK
 * characters), a title and tags, eight integers (three NULL-able) and two datetimes; ops = rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostsEncodeBenchmark {
    static final int ROWS = 1024;
    private static final String WORDS = "the quick brown fox jumps over lazy dog SELECT FROM WHERE index "
            + "PostgreSQL <p> </p> <code> café naïve 日本 ";

    private final int[] ints = new int[ROWS * 6];
    private final boolean[] nulls = new boolean[ROWS * 3];
    private final String[] body = new String[ROWS];
    private final String[] title = new String[ROWS];
    private final String[] tags = new String[ROWS];
    private final LocalDateTime[] created = new LocalDateTime[ROWS];
    private final LocalDateTime[] edited = new LocalDateTime[ROWS];
    private DiscardingSink sink;
    private PgBinaryWriter writer;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(2);
        String[] words = WORDS.split(" ");
        LocalDateTime base = LocalDateTime.of(2008, 7, 31, 0, 0);
        for (int i = 0; i < ROWS; i++) {
            for (int k = 0; k < 6; k++) {
                ints[i * 6 + k] = r.nextInt(0, 20_000_000);
            }
            for (int k = 0; k < 3; k++) {
                nulls[i * 3 + k] = r.nextBoolean();
            }
            StringBuilder b = new StringBuilder(900);
            while (b.length() < 800) {
                b.append(words[r.nextInt(words.length)]).append(' ');
            }
            body[i] = b.toString();
            title[i] = nulls[i * 3] ? null : body[i].substring(0, 50);
            tags[i] = nulls[i * 3] ? null : "<postgresql><java><performance>";
            created[i] = base.plusSeconds(r.nextInt(0, 150_000_000));
            edited[i] = nulls[i * 3 + 1] ? null : created[i].plusDays(3);
        }
        sink = new DiscardingSink();
        writer = new PgBinaryWriter(15, sink, new Chunk(256 * 1024), NulPolicy.reject());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long encodePosts() throws Exception {
        PgBinaryWriter w = writer;
        for (int i = 0; i < ROWS; i++) {
            int n = i * 3;
            int v = i * 6;
            w.startRow();
            w.writeInt4(i);
            w.writeInt4(ints[v]);
            nullableInt(w, nulls[n], ints[v + 1]);
            nullableInt(w, nulls[n + 1], ints[v + 2]);
            w.writeTimestamp(created[i]);
            w.writeInt4(ints[v + 3]);
            nullableInt(w, nulls[n + 2], ints[v + 4]);
            w.writeText(body[i]);
            w.writeInt4(ints[v + 5]);
            if (edited[i] == null) {
                w.writeNull();
            } else {
                w.writeTimestamp(edited[i]);
            }
            nullableText(w, title[i]);
            nullableText(w, tags[i]);
            w.writeInt4(ints[v] & 15);
            w.writeInt4(ints[v + 1] & 31);
            nullableInt(w, nulls[n + 2], ints[v + 3] & 7);
            w.endRow();
        }
        return sink.bytes;
    }

    private static void nullableInt(PgBinaryWriter w, boolean isNull, int value) {
        if (isNull) {
            w.writeNull();
        } else {
            w.writeInt4(value);
        }
    }

    private static void nullableText(PgBinaryWriter w, String value) {
        if (value == null) {
            w.writeNull();
        } else {
            w.writeText(value);
        }
    }
}
