package io.migbench.engine.sqlserver.tsql;

/** The expression is not T-SQL this parser reads: it is reported as not translated, with this message. */
final class TsqlSyntaxException extends RuntimeException {
    TsqlSyntaxException(String message) {
        super(message);
    }
}
