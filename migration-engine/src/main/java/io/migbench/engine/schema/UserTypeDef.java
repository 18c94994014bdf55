package io.migbench.engine.schema;

import java.util.List;

/**
 * A user-defined type (composite, enum, domain, range) to create in the target before the tables.
 *
 * @param quotedName     schema-qualified, quoted
 * @param ddl            the complete CREATE statement
 * @param notValidChecks a domain's NOT VALID checks: still enforced on new values, so they are added after the data
 */
public record UserTypeDef(String quotedName, String ddl, List<DomainCheck> notValidChecks) {
    public UserTypeDef {
        notValidChecks = List.copyOf(notValidChecks);
    }

    /** A domain CHECK as {@code pg_get_constraintdef} prints it (with {@code NOT VALID}). */
    public record DomainCheck(String name, String definition) { }
}
