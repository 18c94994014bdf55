package io.migbench.engine.state;

import io.migbench.engine.RunStatus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a run's {@link RunStatus} from the state tables. */
public final class StatusQuery {
    private static final List<String> STATES = List.of("pending", "copying", "abandoned", "done");

    private StatusQuery() {}

    /** The status of the run recorded in the target, or empty when none is. */
    public static Optional<RunStatus> read(Connection c, StateStore state) throws SQLException {
        Optional<RunRecord> run = state.run(c);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime planned;
        OffsetDateTime finalized;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT planned_at, finalized_at FROM " + StateStore.RUN)) {
            rs.next();
            planned = rs.getObject(1, OffsetDateTime.class);
            finalized = rs.getObject(2, OffsetDateTime.class);
        }
        Map<String, RunStatus.State> states = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CASE WHEN s.status = 'copying'"
                + " AND " + PartitionClaims.ABANDONED + " THEN 'abandoned' ELSE s.status END, count(*), sum(s.est_rows),"
                + " coalesce(sum(s.target_rows), 0) FROM " + StateStore.TABLE + " s GROUP BY 1")) {
            while (rs.next()) {
                states.put(rs.getString(1), new RunStatus.State(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        List<RunStatus.State> byState = new ArrayList<>();
        for (String s : STATES) {
            byState.add(states.getOrDefault(s, new RunStatus.State(s, 0, 0, 0)));
        }
        List<RunStatus.Worker> byWorker = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("WITH w AS (SELECT worker_id FROM "
                + StateStore.TABLE + " WHERE worker_id IS NOT NULL UNION SELECT worker_id FROM " + StateStore.HISTORY + ")"
                + " SELECT w.worker_id,"
                + " (SELECT count(*) FROM " + StateStore.TABLE + " s WHERE s.worker_id = w.worker_id AND s.status = 'copying'"
                + " AND NOT " + PartitionClaims.ABANDONED + "),"
                + " (SELECT count(*) FROM " + StateStore.TABLE + " s WHERE s.worker_id = w.worker_id AND s.status = 'copying'"
                + " AND " + PartitionClaims.ABANDONED + "),"
                + " (SELECT count(*) FROM " + StateStore.TABLE + " s WHERE s.worker_id = w.worker_id AND s.status = 'done'),"
                + " (SELECT coalesce(sum(target_rows), 0) FROM " + StateStore.TABLE + " s WHERE s.worker_id = w.worker_id"
                + " AND s.status = 'done'),"
                + " (SELECT count(*) FROM " + StateStore.HISTORY + " h WHERE h.worker_id = w.worker_id AND h.event = 'reclaimed'"
                + " AND h.detail IS NOT NULL),"
                + " greatest((SELECT max(heartbeat_at) FROM " + StateStore.TABLE + " s WHERE s.worker_id = w.worker_id),"
                + " (SELECT max(at) FROM " + StateStore.HISTORY + " h WHERE h.worker_id = w.worker_id))"
                + " FROM w ORDER BY 1")) {
            while (rs.next()) {
                byWorker.add(new RunStatus.Worker(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5),
                        rs.getInt(6), rs.getObject(7, OffsetDateTime.class)));
            }
        }
        RunRecord r = run.get();
        return Optional.of(new RunStatus(r.runId(), planned, r.snapshot(), r.sourceQuiesced(), finalized, byState, byWorker));
    }
}
