package io.migbench.engine.schema;

import java.util.List;

/**
 * A view or materialized view, created after the data (in dependency order) from the source's own definition.
 *
 * @param query     {@code pg_get_viewdef}, schema-qualified, without the trailing semicolon
 * @param options   {@code WITH (...)} reloptions such as {@code check_option=local}, or {@code null}
 * @param populated a materialized view that holds data in the source (refreshed in the target)
 * @param indexes   indexes of a materialized view
 * @param comments  {@code COMMENT ON} statements of the view and its columns
 */
public record ViewDef(TableName name, boolean materialized, String query, String options, boolean populated,
                      List<IndexDef> indexes, List<String> comments) {
    public ViewDef {
        indexes = List.copyOf(indexes);
        comments = List.copyOf(comments);
    }

    public String createDdl() {
        return "CREATE " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + name.quoted()
                + (options == null ? "" : " WITH (" + options + ")") + " AS " + query
                + (materialized ? " WITH NO DATA" : "");
    }
}
