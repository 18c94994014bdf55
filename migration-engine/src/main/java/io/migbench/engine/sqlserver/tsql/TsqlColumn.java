package io.migbench.engine.sqlserver.tsql;

import io.migbench.engine.copy.binary.PgColumnType;

/**
 * A column an expression may name: its SQL Server name and type, and its name and type in the target.
 *
 * @param sourceType SQL Server's system type name ({@code int}, {@code nvarchar}, …)
 */
public record TsqlColumn(String name, String sourceType, String targetName, PgColumnType targetType) {
    ExprKind kind() {
        return ExprKind.ofColumn(sourceType, targetType);
    }
}
