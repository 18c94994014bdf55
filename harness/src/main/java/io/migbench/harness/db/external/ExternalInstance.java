package io.migbench.harness.db.external;

import io.migbench.engine.internal.Redaction;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.AbstractDatabaseInstance;
import io.migbench.harness.db.EnforcedLimits;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.db.accounting.ResourceCounters;

import java.util.Map;


/** An existing server; closing it writes back the settings migbench reloaded into it, and otherwise only forgets it. */
final class ExternalInstance extends AbstractDatabaseInstance {
    static final String NOT_OURS = "external server: limits not under migbench's control";

    private final ExternalServer server;
    private Map<String, String> settingsBefore;

    ExternalInstance(InstanceSpec spec, ExternalServer server, String password) {
        super(spec, server.user(), password);
        this.server = server;
    }

    /** Connects once, so a wrong URL or password fails at start, with the password masked. */
    void verify() {
        readVersion();
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

    /** The server runs elsewhere (or as another user's service): its processes are not ours to read. */
    @Override
    public ResourceCounters resourceCounters() {
        return ResourceCounters.unavailable("external server");
    }

    @Override
    public EnforcedLimits enforcedLimits() {
        return EnforcedLimits.all(spec().limits(), LimitStatus.NOT_ENFORCED, NOT_OURS);
    }

    /** An external server cannot be restarted by migbench; this only checks it answers again. */
    @Override
    protected void restartServer() {
        if (!isAlive()) {
            throw new IllegalStateException("external server " + name() + " at " + Redaction.redactUrl(jdbcUrl())
                    + " does not answer and is not migbench's to restart");
        }
    }

    /** Applies the profile's settings by ALTER SYSTEM + reload, to be reverted by {@link #tearDown}. */
    void reloadSettings() {
        settingsBefore = ReloadedSettings.apply(this);
    }

    @Override
    protected void tearDown() {
        // not ours to stop; only its settings are put back
        if (settingsBefore != null) {
            ReloadedSettings.revert(this, settingsBefore);
        }
    }

    @Override
    public String toString() {
        return "external " + engine() + " " + name() + " at " + Redaction.redactUrl(jdbcUrl());
    }
}
