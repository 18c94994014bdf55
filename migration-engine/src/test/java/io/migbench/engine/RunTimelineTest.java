package io.migbench.engine;

import io.migbench.engine.cli.SummaryPrinter;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static io.migbench.engine.Databases.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The engine's own timeline: every table's steps, in the order they must run, and the tail after the last COPY. */
class RunTimelineTest {
    @Test
    void recordsEachTablesStepsInOrderAndTheTail() {
        String source = TestPostgres.newDatabase("src_timeline");
        exec(source,
                "CREATE TABLE items (id int PRIMARY KEY, name text)",
                "CREATE INDEX items_name ON items (name)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 8000) g",
                "CREATE TABLE notes (id int PRIMARY KEY, body text)",
                "INSERT INTO notes SELECT g, 'note ' || g FROM generate_series(1, 300) g");
        String target = TestPostgres.newDatabase("tgt_timeline");

        MigrationResult r = Migrator.migrate(Databases.options(source, target).tasks(2).partitions(4)
                .partitionThresholdRows(1000).split(SplitStrategy.KEY).build());

        assertThat(r.status()).as("status: %s", r.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        List<TimelineEvent> items = r.timeline().stream().filter(e -> e.table().equals("public.items")).toList();
        assertThat(items.stream().filter(e -> e.step().equals("copy"))).as("one copy event per partition").hasSize(4);
        assertThat(items.stream().filter(e -> e.step().equals("index")).map(TimelineEvent::detail))
                .as("index builds named").contains("items_name");
        double lastCopy = end(items, "copy");
        assertThat(start(items, "index")).as("indexes after the table's last COPY").isGreaterThanOrEqualTo(lastCopy);
        assertThat(start(items, "keys")).as("keys after the indexes").isGreaterThanOrEqualTo(end(items, "index"));
        assertThat(start(items, "analyze")).as("ANALYZE after the keys").isGreaterThanOrEqualTo(end(items, "keys"));
        assertThat(start(items, "count")).as("count after the table's last COPY").isGreaterThanOrEqualTo(lastCopy);
        assertThat(r.timeline().stream().filter(e -> e.table().equals("public.notes")).map(TimelineEvent::step))
                .as("the small table's steps").contains("copy", "keys", "analyze", "count");

        double lastCopyOfRun = r.timeline().stream().filter(e -> e.step().equals("copy"))
                .mapToDouble(TimelineEvent::endSeconds).max().orElseThrow();
        assertThat(r.timings().tailSeconds()).as("tail = total - end of the last COPY")
                .isCloseTo(r.timings().totalSeconds() - lastCopyOfRun, within(0.05))
                .isBetween(0.0, r.timings().totalSeconds());
        StringWriter summary = new StringWriter();
        SummaryPrinter.print(r, new PrintWriter(summary));
        assertThat(summary.toString()).as("summary").contains("timeline").contains("public.items")
                .containsPattern("tail: \\d+\\.\\d\\d s after the last COPY");
    }

    private static double start(List<TimelineEvent> events, String step) {
        return events.stream().filter(e -> e.step().equals(step)).mapToDouble(TimelineEvent::startSeconds).min()
                .orElseThrow(() -> new AssertionError("no " + step + " event"));
    }

    private static double end(List<TimelineEvent> events, String step) {
        return events.stream().filter(e -> e.step().equals(step)).mapToDouble(TimelineEvent::endSeconds).max()
                .orElseThrow(() -> new AssertionError("no " + step + " event"));
    }
}
