package io.migbench.engine.sqlserver;

import java.util.Locale;

/**
 * A column's type as SQL Server's catalog reports it ({@code sys.columns} joined to {@code sys.types} on the
 * system type): the system type name, {@code max_length} in bytes ({@code -1} for (max); nchar/nvarchar use
 * two bytes per character), {@code precision} and {@code scale} (fractional-second digits for time types).
 */
public record SqlServerColumnType(String name, int maxLength, int precision, int scale) {
    public SqlServerColumnType {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("SQL Server type name is required");
        }
        name = name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return switch (name) {
            case "char", "varchar", "binary", "varbinary" -> name + "(" + (maxLength == -1 ? "max" : maxLength) + ")";
            case "nchar", "nvarchar" -> name + "(" + (maxLength == -1 ? "max" : maxLength / 2) + ")";
            case "decimal", "numeric" -> name + "(" + precision + "," + scale + ")";
            case "time", "datetime2", "datetimeoffset" -> name + "(" + scale + ")";
            default -> name;
        };
    }
}
