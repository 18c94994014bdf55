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
 * Binary COPY encoding of StackOverflow Votes-shaped rows (id, postid, userid NULL-able, bountyamount mostly
 * NULL, votetypeid, creationdate datetime) on one thread; a result is rows/s (ops = rows).
 * Values are pre-built java objects as a JDBC driver would hand them over; conversion to PostgreSQL's epoch
 * is part of the measured work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VotesEncodeBenchmark {
    static final int ROWS = 4096;

    private final int[] id = new int[ROWS];
    private final int[] postId = new int[ROWS];
    private final int[] userId = new int[ROWS];
    private final boolean[] userIdNull = new boolean[ROWS];
    private final int[] bounty = new int[ROWS];
    private final boolean[] bountyNull = new boolean[ROWS];
    private final int[] voteType = new int[ROWS];
    private final LocalDateTime[] creation = new LocalDateTime[ROWS];
    private DiscardingSink sink;
    private PgBinaryWriter writer;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        LocalDateTime base = LocalDateTime.of(2008, 7, 31, 0, 0);
        for (int i = 0; i < ROWS; i++) {
            id[i] = i + 1;
            postId[i] = r.nextInt(1, 20_000_000);
            userIdNull[i] = r.nextInt(10) < 8;
            userId[i] = r.nextInt(1, 2_000_000);
            bountyNull[i] = r.nextInt(100) < 98;
            bounty[i] = 50 * r.nextInt(1, 10);
            voteType[i] = r.nextInt(1, 16);
            creation[i] = base.plusDays(r.nextInt(0, 2000));
        }
        sink = new DiscardingSink();
        writer = new PgBinaryWriter(6, sink, new Chunk(64 * 1024), NulPolicy.reject());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long encodeVotes() throws Exception {
        PgBinaryWriter w = writer;
        for (int i = 0; i < ROWS; i++) {
            w.startRow();
            w.writeInt4(id[i]);
            w.writeInt4(postId[i]);
            if (userIdNull[i]) {
                w.writeNull();
            } else {
                w.writeInt4(userId[i]);
            }
            if (bountyNull[i]) {
                w.writeNull();
            } else {
                w.writeInt4(bounty[i]);
            }
            w.writeInt4(voteType[i]);
            w.writeTimestamp(creation[i]);
            w.endRow();
        }
        return sink.bytes;
    }
}
