package io.migbench.engine.sqlserver.tsql;

/** A part of the expression with no faithful PostgreSQL form; the message is the reason users read. */
final class Untranslatable extends RuntimeException {
    Untranslatable(String reason) {
        super(reason, null, false, false);
    }
}
