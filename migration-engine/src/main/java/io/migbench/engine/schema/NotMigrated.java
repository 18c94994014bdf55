package io.migbench.engine.schema;

/**
 * A source object the engine does not recreate in the target, reported so that nothing is dropped silently.
 *
 * @param name   schema-qualified, as the source names it (e.g. {@code public.f(integer)}, {@code trg on public.t},
 *               {@code dbo.Orders.Total} for a column)
 * @param reason why, when it is not simply the kind (e.g. a view that uses a function), or {@code null}
 */
public record NotMigrated(Kind kind, String name, String reason) {
    /** Kinds of objects, with the words the summary uses. */
    public enum Kind {
        FUNCTION("function", "functions"),
        PROCEDURE("procedure", "procedures"),
        AGGREGATE("aggregate", "aggregates"),
        TRIGGER("trigger", "triggers"),
        EVENT_TRIGGER("event trigger", "event triggers"),
        POLICY("policy", "policies"),
        ROW_SECURITY("row-level security setting", "row-level security settings"),
        RULE("rule", "rules"),
        GRANT("grant list", "grant lists"),
        PUBLICATION("publication", "publications"),
        EXTENSION("extension", "extensions"),
        FOREIGN_TABLE("foreign table", "foreign tables"),
        STATISTICS("statistics object", "statistics objects"),
        VIEW("view", "views"),
        SEQUENCE("sequence", "sequences"),
        SYNONYM("synonym", "synonyms"),
        TYPE("type", "types"),
        COLUMN_DEFAULT("column default", "column defaults"),
        COMPUTED_COLUMN("computed column", "computed columns"),
        CHECK("check constraint", "check constraints"),
        FOREIGN_KEY("foreign key", "foreign keys"),
        INDEX("index", "indexes");

        private final String singular;
        private final String plural;

        Kind(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }

        public String words(int count) {
            return count == 1 ? singular : plural;
        }
    }

    public NotMigrated(Kind kind, String name) {
        this(kind, name, null);
    }

    /** The name, with the reason in brackets when there is one. */
    public String describe() {
        return reason == null ? name : name + " [" + reason + "]";
    }
}
