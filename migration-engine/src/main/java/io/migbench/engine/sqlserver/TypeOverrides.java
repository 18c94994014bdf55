package io.migbench.engine.sqlserver;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.copy.binary.PgColumnType;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * User-chosen PostgreSQL types, from {@code --type-override} entries: {@code <sqlserver type>=<postgres type>}
 * (e.g. {@code geography=text}) for every column of a type, or {@code <schema>.<table>.<column>=<postgres type>}
 * (e.g. {@code dbo.Places.Shape=bytea}) for one column, which wins over a type override. Names are matched
 * case-insensitively, as SQL Server's default collations do.
 */
public final class TypeOverrides {
    private static final TypeOverrides NONE = new TypeOverrides(Map.of(), Map.of());

    private final Map<String, PgColumnType> byType;
    private final Map<String, PgColumnType> byColumn;

    private TypeOverrides(Map<String, PgColumnType> byType, Map<String, PgColumnType> byColumn) {
        this.byType = byType;
        this.byColumn = byColumn;
    }

    public static TypeOverrides none() {
        return NONE;
    }

    public static TypeOverrides parse(List<String> entries) {
        Map<String, PgColumnType> byType = new HashMap<>();
        Map<String, PgColumnType> byColumn = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new ConfigurationException("--type-override", "--type-override '" + entry + "' must be <sqlserver type>=<postgres "
                        + "type> or <schema>.<table>.<column>=<postgres type>");
            }
            String key = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            PgColumnType target;
            try {
                target = PgColumnType.parse(entry.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("--type-override", "--type-override '" + entry + "': " + e.getMessage(), e);
            }
            int dots = key.length() - key.replace(".", "").length();
            Map<String, PgColumnType> into = switch (dots) {
                case 0 -> byType;
                case 2 -> byColumn;
                default -> throw new ConfigurationException("--type-override", "--type-override '" + entry + "': the key must be a type "
                        + "name or <schema>.<table>.<column>, got " + dots + " dot(s)");
            };
            if (into.putIfAbsent(key, target) != null) {
                throw new ConfigurationException("--type-override", "--type-override '" + key + "' is given twice");
            }
        }
        return new TypeOverrides(Map.copyOf(byType), Map.copyOf(byColumn));
    }

    /** The override for this column, by column first, then by type. */
    public Optional<PgColumnType> find(String schema, String table, String column, SqlServerColumnType type) {
        PgColumnType c = byColumn.get((schema + "." + table + "." + column).toLowerCase(Locale.ROOT));
        return Optional.ofNullable(c != null ? c : byType.get(type.name()));
    }

    /** The overrides as sorted {@code key=type} entries, e.g. {@code [dbo.places.shape=bytea, geography=text]}. */
    @Override
    public String toString() {
        return java.util.stream.Stream.concat(byType.entrySet().stream(), byColumn.entrySet().stream())
                .map(e -> e.getKey() + "=" + e.getValue().sql()).sorted().toList().toString();
    }
}
