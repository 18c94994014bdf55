package io.migbench.harness.measure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The target's WAL insert position, and how many WAL bytes were written since an earlier one. */
final class WalPosition {
    private WalPosition() {}

    /** The current WAL position, e.g. {@code 0/3A2B1C8}. */
    static String current(MonitoredServer target) throws SQLException {
        try (Connection c = target.database().open();
             PreparedStatement st = c.prepareStatement("SELECT pg_current_wal_lsn()::text");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** WAL bytes written since {@code lsn}. */
    static long bytesSince(MonitoredServer target, String lsn) throws SQLException {
        try (Connection c = target.database().open();
             PreparedStatement st = c.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint")) {
            st.setString(1, lsn);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
