package io.migbench.engine.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the user-defined types of the migrated schemas (composite types, enums, domains with their defaults and
 * CHECKs, range types with their multirange) as DDL, each after the types it uses (an array of a type needs only
 * the type: PostgreSQL creates the array type with it). Types of extensions are left to the extension.
 */
final class PgUserTypes {
    /** A type's element when it is an array, else itself: what a dependency really points at. */
    private static final String ELEMENT_OR_SELF = "(SELECT CASE WHEN dt.typelem <> 0 AND dt.typlen = -1 THEN dt.typelem"
            + " ELSE dt.oid END FROM pg_type dt WHERE dt.oid = %s)";
    private static final String TYPES = " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace";
    private static final String IN_SCHEMAS = " WHERE n.nspname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_depend e"
            + " WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')";
    /** {@code COLLATE "schema"."name"} when collation {@code %1$s} differs from type {@code %2$s}'s default. */
    private static final String COLLATE = "(SELECT ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
            + " FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace"
            + " WHERE co.oid = %1$s AND %1$s <> (SELECT ct.typcollation FROM pg_type ct WHERE ct.oid = %2$s))";

    private final Catalog catalog;

    PgUserTypes(Catalog catalog) {
        this.catalog = catalog;
    }

    private record Found(long oid, UserTypeDef def, Set<Long> uses) { }

    List<UserTypeDef> read(List<String> schemas) throws SQLException {
        List<Found> found = new ArrayList<>(enums(schemas));
        found.addAll(composites(schemas));
        found.addAll(domains(schemas));
        found.addAll(ranges(schemas));
        Map<Long, UserTypeDef> byOid = new LinkedHashMap<>();
        Map<Long, Set<Long>> uses = new HashMap<>();
        new TreeMap<Long, Found>(found.stream().collect(Collectors.toMap(Found::oid, f -> f))).forEach((oid, f) -> {
            byOid.put(oid, f.def());
            uses.put(oid, f.uses());
        });
        return DependencyOrder.of(byOid, uses);
    }

    private List<Found> enums(List<String> schemas) throws SQLException {
        return catalog.list("SELECT t.oid, format_type(t.oid, NULL), ARRAY(SELECT e.enumlabel FROM pg_enum e"
                        + " WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)" + TYPES + IN_SCHEMAS + " AND t.typtype = 'e'",
                rs -> new Found(rs.getLong(1), single(rs.getString(2), "CREATE TYPE " + rs.getString(2) + " AS ENUM ("
                        + Catalog.strings(rs.getArray(3)).stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")"),
                        Set.of()),
                catalog.texts(schemas));
    }

    private List<Found> composites(List<String> schemas) throws SQLException {
        record Attribute(long type, String typeName, String ddl, long uses) { }
        List<Attribute> attributes = catalog.list("SELECT t.oid, format_type(t.oid, NULL), quote_ident(a.attname) || ' '"
                        + " || format_type(a.atttypid, a.atttypmod) || coalesce(" + COLLATE.formatted("a.attcollation", "a.atttypid")
                        + ", ''), " + ELEMENT_OR_SELF.formatted("a.atttypid") + TYPES
                        + " JOIN pg_class r ON r.oid = t.typrelid AND r.relkind = 'c'"
                        + " JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped"
                        + IN_SCHEMAS + " AND t.typtype = 'c' ORDER BY t.oid, a.attnum",
                rs -> new Attribute(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), catalog.texts(schemas));
        Map<Long, List<Attribute>> byType = new LinkedHashMap<>();
        attributes.forEach(a -> byType.computeIfAbsent(a.type(), k -> new ArrayList<>()).add(a));
        List<Found> out = new ArrayList<>();
        byType.forEach((oid, attrs) -> out.add(new Found(oid, single(attrs.get(0).typeName(), "CREATE TYPE "
                + attrs.get(0).typeName() + " AS (" + attrs.stream().map(Attribute::ddl).collect(Collectors.joining(", ")) + ")"),
                attrs.stream().map(Attribute::uses).collect(Collectors.toCollection(HashSet::new)))));
        return out;
    }

    /** Valid CHECKs go into CREATE DOMAIN; NOT VALID ones are added after the data, NOT VALID again. */
    private List<Found> domains(List<String> schemas) throws SQLException {
        return catalog.list("SELECT t.oid, format_type(t.oid, NULL), 'CREATE DOMAIN ' || format_type(t.oid, NULL) || ' AS '"
                        + " || format_type(t.typbasetype, t.typtypmod) || coalesce(" + COLLATE.formatted("t.typcollation", "t.typbasetype")
                        + ", '') || coalesce(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END"
                        + " || coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid),"
                        + "  '' ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c' AND c.convalidated), ''),"
                        + " ARRAY(SELECT c.conname FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'"
                        + "  AND NOT c.convalidated ORDER BY c.conname),"
                        + " ARRAY(SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'"
                        + "  AND NOT c.convalidated ORDER BY c.conname), " + ELEMENT_OR_SELF.formatted("t.typbasetype")
                        + TYPES + IN_SCHEMAS + " AND t.typtype = 'd'",
                rs -> {
                    List<String> names = Catalog.strings(rs.getArray(4));
                    List<String> definitions = Catalog.strings(rs.getArray(5));
                    List<UserTypeDef.DomainCheck> notValid = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        notValid.add(new UserTypeDef.DomainCheck(names.get(i), definitions.get(i)));
                    }
                    return new Found(rs.getLong(1), new UserTypeDef(rs.getString(2), rs.getString(3), notValid),
                            Set.of(rs.getLong(6)));
                },
                catalog.texts(schemas));
    }

    /**
     * A subtype_diff outside pg_catalog is a user function (not migrated, listed as such); the range is created
     * without it, which only makes GiST indexes on it less balanced.
     */
    private List<Found> ranges(List<String> schemas) throws SQLException {
        String multirange = catalog.majorVersion() >= 14
                ? "(SELECT ', MULTIRANGE_TYPE_NAME = ' || format_type(r.rngmultitypid, NULL))" : "NULL";
        return catalog.list("SELECT t.oid, format_type(t.oid, NULL), 'CREATE TYPE ' || format_type(t.oid, NULL)"
                        + " || ' AS RANGE (SUBTYPE = ' || format_type(r.rngsubtype, NULL)"
                        + " || coalesce((SELECT ', SUBTYPE_OPCLASS = ' || quote_ident(opn.nspname) || '.' || quote_ident(oc.opcname)"
                        + "  FROM pg_opclass oc JOIN pg_namespace opn ON opn.oid = oc.opcnamespace"
                        + "  WHERE oc.oid = r.rngsubopc AND NOT oc.opcdefault), '')"
                        + " || coalesce((SELECT ', COLLATION = ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
                        + "  FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = r.rngcollation"
                        + "  AND r.rngcollation <> (SELECT st.typcollation FROM pg_type st WHERE st.oid = r.rngsubtype)), '')"
                        + " || coalesce((SELECT ', SUBTYPE_DIFF = pg_catalog.' || quote_ident(p.proname) FROM pg_proc p"
                        + "  WHERE p.oid = r.rngsubdiff AND p.pronamespace = 'pg_catalog'::regnamespace), '')"
                        + " || coalesce(" + multirange + ", '') || ')', " + ELEMENT_OR_SELF.formatted("r.rngsubtype")
                        + TYPES + " JOIN pg_range r ON r.rngtypid = t.oid" + IN_SCHEMAS + " AND t.typtype = 'r'",
                rs -> new Found(rs.getLong(1), single(rs.getString(2), rs.getString(3)), Set.of(rs.getLong(4))),
                catalog.texts(schemas));
    }

    private static UserTypeDef single(String name, String ddl) {
        return new UserTypeDef(name, ddl, List.of());
    }
}
