package io.migbench.harness.sweep;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A source URL whose every session refuses writes: PostgreSQL gets {@code default_transaction_read_only=on} through
 * the connection's startup options, SQL Server {@code applicationIntent=ReadOnly} (honoured by read-only routing).
 */
final class ReadOnlyUrl {
    static final String PG_OPTION = "-c default_transaction_read_only=on";

    private ReadOnlyUrl() {}

    static String of(String url) {
        if (url.startsWith("jdbc:sqlserver:")) {
            return url.replaceAll("(?i);applicationIntent=[^;]*", "") + ";applicationIntent=ReadOnly";
        }
        String option = URLEncoder.encode(PG_OPTION, StandardCharsets.UTF_8).replace("+", "%20");
        int options = url.indexOf("options=");
        if (options >= 0) {
            // keep the user's own startup options, ours appended
            int end = url.indexOf('&', options);
            end = end < 0 ? url.length() : end;
            return url.substring(0, end) + "%20" + option + url.substring(end);
        }
        return url + (url.contains("?") ? "&" : "?") + "options=" + option;
    }
}
