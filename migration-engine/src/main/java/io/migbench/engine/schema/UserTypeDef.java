package io.migbench.engine.schema;

import java.util.List;

/**
 * A user-defined type (composite, enum, domain, range) to create in the target before the tables.
 *
 * @param quotedName schema-qualified, quoted
 * @param statements its CREATE statement, then any ALTER it needs (a domain's NOT VALID checks)
 */
public record UserTypeDef(String quotedName, List<String> statements) {
    public UserTypeDef {
        statements = List.copyOf(statements);
    }
}
