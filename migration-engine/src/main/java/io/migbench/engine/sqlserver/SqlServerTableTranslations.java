package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.sqlserver.SqlServerSchema.Check;
import io.migbench.engine.sqlserver.SqlServerSchema.Column;
import io.migbench.engine.sqlserver.SqlServerSchema.Index;
import io.migbench.engine.sqlserver.SqlServerSchema.Table;
import io.migbench.engine.sqlserver.tsql.Translation;
import io.migbench.engine.sqlserver.tsql.TsqlColumn;
import io.migbench.engine.sqlserver.tsql.TsqlTranslator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The T-SQL of one table (defaults, computed columns, CHECK constraints, index filters) in PostgreSQL through
 * {@link TsqlTranslator}; what does not translate is recorded as not migrated, named as in the source
 * ({@code dbo.Orders.Total}, {@code CK_Qty on dbo.Orders}) with the expression and the reason.
 */
final class SqlServerTableTranslations {
    private final Table table;
    private final TsqlTranslator translator;
    private final List<NotMigrated> notMigrated = new ArrayList<>();

    /** @param sequences the target name of a migrated sequence by T-SQL schema (or null) and name, else null */
    SqlServerTableTranslations(Table table, BiFunction<String, String, String> sequences) {
        this.table = table;
        this.translator = new TsqlTranslator(table.columns().stream().map(SqlServerTableTranslations::tsql).toList(),
                (schema, name) -> sequences.apply(schema == null ? table.schema() : schema, name));
    }

    private static TsqlColumn tsql(Column c) {
        return new TsqlColumn(c.name(), c.sourceType().name(), c.targetName(), c.targetType());
    }

    /** The column's DEFAULT in PostgreSQL, or {@code null} when it has none or it does not translate. */
    String columnDefault(Column c) {
        if (c.columnDefault() == null) {
            return null;
        }
        Translation t = translator.columnDefault(c.columnDefault(), tsql(c));
        if (!t.translated()) {
            notMigrated.add(new NotMigrated(NotMigrated.Kind.COLUMN_DEFAULT, column(c),
                    "DEFAULT " + c.columnDefault() + ": " + t.reason()));
        }
        return t.sql();
    }

    /**
     * A computed column's generation expression, or {@code null} when it does not translate: the column is then a
     * plain one holding the copied values.
     */
    String generated(Column c) {
        String definition = c.computed().definition();
        Translation t = definition == null ? null : translator.computed(definition, tsql(c));
        if (t == null || !t.translated()) {
            notMigrated.add(new NotMigrated(NotMigrated.Kind.COMPUTED_COLUMN, column(c), (definition == null
                    ? "its expression is not shown by this server's catalog"
                    : "computed as " + definition + ": " + t.reason()) + "; its values are copied"));
            return null;
        }
        return t.sql();
    }

    /** A CHECK's condition in PostgreSQL, or {@code null} (recorded) when disabled in the source or untranslatable. */
    String check(Check k) {
        if (k.disabled()) {
            notMigrated.add(new NotMigrated(NotMigrated.Kind.CHECK, onTable(k.name()),
                    "disabled in the source (NOCHECK); PostgreSQL has no disabled checks"));
            return null;
        }
        if (k.definition() == null) {
            notMigrated.add(new NotMigrated(NotMigrated.Kind.CHECK, onTable(k.name()),
                    "its definition is not readable from this server's catalog"));
            return null;
        }
        Translation t = translator.check(k.definition());
        if (!t.translated()) {
            notMigrated.add(new NotMigrated(NotMigrated.Kind.CHECK, onTable(k.name()), "CHECK " + k.definition() + ": " + t.reason()));
        }
        return t.sql();
    }

    /** A filtered index's {@code WHERE} in PostgreSQL, or {@code null} (recorded) when it does not translate. */
    String indexFilter(Index i) {
        Translation t = translator.check(i.filter());
        if (!t.translated()) {
            notMigrated.add(new NotMigrated(NotMigrated.Kind.INDEX, onTable(i.name()), "filtered WHERE " + i.filter()
                    + ": " + t.reason()));
        }
        return t.sql();
    }

    /** Records an object of the table left out for a reason found by the mapper. */
    void leftOut(NotMigrated.Kind kind, String objectName, String reason) {
        notMigrated.add(new NotMigrated(kind, onTable(objectName), reason));
    }

    List<NotMigrated> notMigrated() {
        return List.copyOf(notMigrated);
    }

    private String column(Column c) {
        return table.displayName() + "." + c.name();
    }

    private String onTable(String objectName) {
        return objectName + " on " + table.displayName();
    }
}
