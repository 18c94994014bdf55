package io.migbench.engine.schema;

/**
 * An enum or domain to create in the target before the tables.
 *
 * @param quotedName schema-qualified, quoted
 * @param ddl        the complete CREATE TYPE / CREATE DOMAIN statement
 */
public record UserTypeDef(String quotedName, String ddl) {
}
