package io.migbench.engine.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.migbench.engine.RunStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Locale;

/** {@code migrate --phase status}: the run's partitions by state and by worker, as a table or as JSON. */
final class StatusPrinter {
    private StatusPrinter() {}

    static void print(RunStatus s, PrintWriter out) {
        out.printf(Locale.ROOT, "run %s planned %s; source: %s; %s%n", s.runId(), s.plannedAt(), consistency(s),
                s.finalizedAt() == null ? "not finalized" : "finalized " + s.finalizedAt());
        out.printf(Locale.ROOT, "%d of %d partitions done%n%n", s.done(), s.partitions());
        out.printf(Locale.ROOT, "%-10s %10s %16s %16s%n", "state", "partitions", "estimated rows", "rows copied");
        for (RunStatus.State st : s.byState()) {
            out.printf(Locale.ROOT, "%-10s %,10d %,16d %,16d%n", st.state(), st.partitions(), st.estimatedRows(), st.rows());
        }
        if (!s.byWorker().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%-30s %8s %9s %8s %14s %10s  %s%n", "worker", "copying", "abandoned", "done",
                    "rows copied", "took over", "last seen");
            for (RunStatus.Worker w : s.byWorker()) {
                out.printf(Locale.ROOT, "%-30s %,8d %,9d %,8d %,14d %,10d  %s%n", w.workerId(), w.copying(), w.abandoned(),
                        w.done(), w.rows(), w.takenOver(), w.lastBeat() == null ? "-" : w.lastBeat());
            }
        }
        out.flush();
    }

    static void printJson(RunStatus s, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            // the command's writer stays open for what follows
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("run_id", s.runId());
            g.writeStringField("planned_at", text(s.plannedAt()));
            g.writeStringField("snapshot", s.snapshot());
            g.writeBooleanField("source_quiesced", s.quiesced());
            g.writeStringField("finalized_at", text(s.finalizedAt()));
            g.writeNumberField("partitions", s.partitions());
            g.writeNumberField("done", s.done());
            g.writeArrayFieldStart("by_state");
            for (RunStatus.State st : s.byState()) {
                g.writeStartObject();
                g.writeStringField("state", st.state());
                g.writeNumberField("partitions", st.partitions());
                g.writeNumberField("estimated_rows", st.estimatedRows());
                g.writeNumberField("rows", st.rows());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("by_worker");
            for (RunStatus.Worker w : s.byWorker()) {
                g.writeStartObject();
                g.writeStringField("worker_id", w.workerId());
                g.writeNumberField("copying", w.copying());
                g.writeNumberField("abandoned", w.abandoned());
                g.writeNumberField("done", w.done());
                g.writeNumberField("rows", w.rows());
                g.writeNumberField("took_over", w.takenOver());
                g.writeStringField("last_seen", text(w.lastBeat()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    private static String consistency(RunStatus s) {
        if (s.snapshot() != null) {
            return "snapshot " + s.snapshot();
        }
        return s.quiesced() ? "quiesced" : "no snapshot (workers need --source-quiesced)";
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
