package io.migbench.harness.db.external;

import io.migbench.engine.Redaction;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.EnforcedLimits;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.db.ServerFacts;
import io.migbench.harness.db.accounting.ResourceCounters;


/** An existing server; closing it only forgets it. */
final class ExternalInstance implements DatabaseInstance {
    static final String NOT_OURS = "external server: limits not under migbench's control";

    private final InstanceSpec spec;
    private final ExternalServer server;
    private final String password;
    private String version;

    ExternalInstance(InstanceSpec spec, ExternalServer server, String password) {
        this.spec = spec;
        this.server = server;
        this.password = password;
    }

    /** Connects once, so a wrong URL or password fails at start, with the password masked. */
    void verify() {
        version = ServerFacts.version(this);
    }

    @Override
    public InstanceSpec spec() {
        return spec;
    }

    @Override
    public DatabaseEngine engine() {
        return server.engine();
    }

    @Override
    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    /** The same server with another database: path segment for PostgreSQL, databaseName property for SQL Server. */
    @Override
    public String jdbcUrl(String database) {
        String url = server.jdbcUrl();
        if (engine() == DatabaseEngine.SQLSERVER) {
            return url.replaceAll("(?i);databaseName=[^;]*", "") + ";databaseName=" + database;
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + params;
    }

    @Override
    public String user() {
        return server.user();
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String version() {
        return version;
    }

    /** The server runs elsewhere (or as another user's service): its processes are not ours to read. */
    @Override
    public ResourceCounters resourceCounters() {
        return ResourceCounters.unavailable("external server");
    }

    @Override
    public EnforcedLimits enforcedLimits() {
        return EnforcedLimits.all(spec.limits(), LimitStatus.NOT_ENFORCED, NOT_OURS);
    }

    /** An external server cannot be restarted by migbench; this only checks it answers again. */
    @Override
    public void restart() {
        if (!isAlive()) {
            throw new IllegalStateException("external server " + spec.name() + " at " + Redaction.redactUrl(jdbcUrl())
                    + " does not answer and is not migbench's to restart");
        }
    }

    @Override
    public void close() {
        // not ours to stop
    }

    @Override
    public String toString() {
        return "external " + engine() + " " + spec.name() + " at " + Redaction.redactUrl(jdbcUrl());
    }
}
