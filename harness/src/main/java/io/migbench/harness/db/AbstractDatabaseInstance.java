package io.migbench.harness.db;

/**
 * What every {@link DatabaseInstance} does the same way: its spec and credentials, the server version read back
 * after each start, and the lifecycle: {@link #restart()} refused once closed, {@link #close()} done once and the
 * instance forgotten by {@link LiveInstances} whatever the teardown threw. Subclasses say how to start, restart and
 * tear down their kind of server.
 */
public abstract class AbstractDatabaseInstance implements DatabaseInstance {
    private final InstanceSpec spec;
    private final String user;
    private final String password;
    private String version;
    private boolean closed;

    protected AbstractDatabaseInstance(InstanceSpec spec, String user, String password) {
        this.spec = spec;
        this.user = user;
        this.password = password;
    }

    @Override
    public final InstanceSpec spec() {
        return spec;
    }

    @Override
    public final String user() {
        return user;
    }

    @Override
    public final String password() {
        return password;
    }

    @Override
    public final synchronized String version() {
        return version;
    }

    /** Asks the running server its version (after every start, so a restart on new binaries shows) and keeps it. */
    protected final synchronized String readVersion() {
        version = ServerFacts.version(this);
        return version;
    }

    @Override
    public final synchronized void restart() {
        if (closed) {
            throw new IllegalStateException(spec.name() + " is closed");
        }
        restartServer();
    }

    /** Stops (or reaps) the server and starts it again on the same data, re-applying the limits. */
    protected abstract void restartServer();

    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            tearDown();
        } finally {
            LiveInstances.unregister(this);
        }
    }

    /** Stops the server and removes everything it left behind; called once. */
    protected abstract void tearDown();
}
